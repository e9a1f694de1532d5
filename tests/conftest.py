import os
import sys
from pathlib import Path

# Headless Qt for every test; the Xvfb test sets its own platform in a subprocess.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
