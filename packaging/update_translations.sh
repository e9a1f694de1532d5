#!/usr/bin/env bash
# Refresh the Korean translation:  packaging/update_translations.sh
#   1. pyside6-lupdate collects every tr()/translate() string of gui/**/*.py into resources/translations/backprop_ko.ts
#      (obsolete strings are dropped, so the file only holds what the code shows);
#   2. resources/translations/translate_ko.py fills in the Korean (fails, listing them, if a string has none);
#   3. pyside6-lrelease compiles backprop_ko.qm, which the app loads (gui/i18n.py) and which is committed.
# New string in the GUI?  Add its Korean to translate_ko.py and run this again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ts=resources/translations/backprop_ko.ts
qm=resources/translations/backprop_ko.qm
pyside6-lupdate -no-obsolete -locations none -source-language en_US -target-language ko_KR $(find gui -name "*.py" | sort) -ts "$ts"
python resources/translations/translate_ko.py "$ts"
pyside6-lrelease -removeidentical "$ts" -qm "$qm"
test -s "$qm"
echo "Wrote $qm"
