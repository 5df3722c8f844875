"""JSON Schemas for editors, generated from the pydantic models (kept in knowledge/schema/)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.knowledge import default_knowledge_dir
from bot.models import SCHEMAS


def schema_texts() -> dict[str, str]:
    """File name → JSON text of each schema, as committed."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"training-bot {name} file"
        out[f"{name}.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(knowledge_dir: Path | None = None) -> list[Path]:
    target = (knowledge_dir or default_knowledge_dir()) / "schema"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
