"""The Stories API of ``newsweave serve`` (POST /api/stories, GET /api/stories[/{id}]): a pile
of articles written for these tests (two events, one with a wire copy, and an article on its
own) grouped, saved, shared and extended; every bad input a 4xx with a one-line message."""

from __future__ import annotations

import importlib
import json

import pytest

pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install -e .)")
from fastapi.testclient import TestClient  # noqa: E402

import newsweave  # noqa: E402
from newsweave.web import common  # noqa: E402
from newsweave.web import create_app  # noqa: E402

# ---- the pile: fictional, written for these tests ------------------------------------------

FERRY_WIRE = """Fire forces evacuation of ferry off Port Alder

PORT ALDER, March 3 (Northwire) - A fire broke out in the engine room of the passenger ferry \
Silver Tern off Port Alder on Tuesday, forcing the evacuation of 212 passengers and crew, the \
coastguard said.

Lifeboats and two fishing vessels took passengers off the ship about four miles from the \
harbour, coastguard spokeswoman Lena Morrow said. Nine people were treated for smoke inhalation.

The ferry operator, Alder Line, said the fire was put out by the crew within an hour and the \
ship would be towed into port for inspection. The cause of the fire was not yet known.
"""
# the same wire story, printed by another outlet under its own headline
FERRY_COPY = FERRY_WIRE.replace("Fire forces evacuation of ferry off Port Alder",
                                "212 taken off burning ferry near Port Alder")
FERRY_LOCAL = """Ferry passengers describe smoke and fear off Port Alder

Passengers on the Silver Tern ferry said smoke filled the lower deck minutes after the engine \
room fire began on Tuesday morning.

"We could taste the smoke before the alarm went off," said Daniel Okafor, who was travelling \
with his two children. The coastguard said 212 people were evacuated by lifeboats and fishing \
boats, and nine were treated for smoke inhalation.

Alder Line said the ferry would be inspected in Port Alder before it returned to service, and \
that crossings would be covered by a chartered vessel. Harbour officials said the ship was \
towed in late on Tuesday.
"""
BRIDGE_A = """Bridge collapse cuts main road to Kessford

KESSFORD, March 5 - A section of the old river bridge at Kessford collapsed into the Lune on \
Thursday night after days of flooding, cutting the main road into the town, police said.

No one was on the bridge when it fell, but a delivery van stopped only metres from the gap, its \
driver told local radio. Engineers said the flood water had scoured the foundations of the \
central pier.

The county council said a diversion of twenty miles was in place and a temporary crossing could \
take months to build.
"""
BRIDGE_B = """Kessford bridge falls into flooded river

The central span of Kessford's river bridge fell into the swollen Lune late on Thursday, leaving \
the town cut off from the main road, the county council said on Friday.

Council engineers said flood water had undermined the foundations of the central pier. A van \
driver said he braked just in time as the road ahead disappeared.

Residents face a twenty-mile diversion. The council said it would ask the government for \
emergency funds to build a temporary bridge.
"""
CHESS = """Teenager wins Northcliff chess open

Sixteen-year-old Maya Lindqvist won the Northcliff chess open on Sunday, beating three \
grandmasters on her way to the title. She said she had prepared for the final round by studying \
endgames with her coach for a month.
"""
FERRY = [{"id": "wire.txt", "text": FERRY_WIRE, "date": "2025-03-03"},
         {"id": "copy.txt", "text": FERRY_COPY, "date": "2025-03-03"},
         {"id": "local.txt", "text": FERRY_LOCAL, "date": "2025-03-04"}]
BRIDGE = [{"id": "bridge-a", "text": BRIDGE_A, "date": "2025-03-06", "title": "Bridge collapse cuts main road to Kessford"},
          {"id": "bridge-b", "text": BRIDGE_B, "date": "2025-03-07"}]
BRIDGE_JSONL = "\n".join(json.dumps(a) for a in BRIDGE) + "\n"
PILE = FERRY + BRIDGE + [{"id": "chess.txt", "text": CHESS}]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "briefs.sqlite3"


@pytest.fixture
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The pile posted once (articles as a list, the bridge as a JSONL file), with briefs."""
    path = tmp_path_factory.mktemp("stories") / "briefs.sqlite3"
    with TestClient(create_app(path)) as c:
        r = c.post("/api/stories", json={"articles": FERRY + [{"id": "chess.txt", "text": CHESS}],
                                         "jsonl": [{"name": "bridge.jsonl", "text": BRIDGE_JSONL}],
                                         "words": 80})
    return path, r


def groups(body) -> list[list[str]]:
    return [sorted(a["id"] for a in s["articles"]) for s in body["stories"]]


def detail(r) -> str:
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"] and "\n" not in body["detail"]
    return body["detail"]
