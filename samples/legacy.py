"""Legacy formats: one of our Word samples saved as .doc, .rtf and .odt by LibreOffice.

Needs LibreOffice (``soffice``); without it the files already in samples/ are kept.
The golden rows are the Word sample's: the conversion must not change them.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

SOURCE = "housing-review-update.docx"
TARGETS = {".doc": "doc:MS Word 97", ".rtf": "rtf", ".odt": "odt"}


def write_all(here: Path, expected: Path) -> list[str]:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    golden = json.loads((expected / f"{SOURCE}.json").read_text(encoding="utf-8"))
    written = []
    for suffix, target in TARGETS.items():
        name = f"legacy-housing-review{suffix}"
        if office:
            with tempfile.TemporaryDirectory() as folder:
                profile = Path(folder) / "profile"
                shutil.copy(here / SOURCE, Path(folder) / "legacy-housing-review.docx")
                subprocess.run(
                    [
                        office,
                        f"-env:UserInstallation={profile.as_uri()}",
                        "--headless",
                        "--convert-to",
                        target,
                        "--outdir",
                        folder,
                        str(Path(folder) / "legacy-housing-review.docx"),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=180,
                )
                shutil.copy(Path(folder) / name, here / name)
        if (here / name).exists():
            with open(expected / f"{name}.json", "w", encoding="utf-8", newline="\n") as f:
                json.dump({**golden, "source": name}, f, indent=1, ensure_ascii=False)
                f.write("\n")
            written.append(name)
    return written
