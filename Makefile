# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv run test lint demo translations bench clean server test-setup bundle screens

venv: $(STAMP)

# Re-install only when the declared dependencies change.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# On Linux, first says in one message which system packages the window still needs.
run: venv
	@$(PY) -m ui.desktop_check
	$(PY) main.py $(ARGS)

demo: venv
	$(PY) main.py --demo $(ARGS)

lint: venv
	$(PY) -m ruff check .
	$(PY) -m mypy app server ui

# The real Secret Service test needs Debian's gnome-keyring, the report test renders its PDF
# with poppler's pdftoppm, the SIP tests call the seat with SIPp (sip-tester); installed only
# where apt exists and a tool is missing (each test skips loudly when it still cannot run).
test-setup:
	@if command -v apt-get >/dev/null 2>&1 && ! (command -v gnome-keyring-daemon && command -v pdftoppm && command -v sipp) >/dev/null 2>&1; then \
		(apt-get update -qq && apt-get install -y -qq gnome-keyring dbus poppler-utils sip-tester >/dev/null) \
		|| echo "warning: could not install gnome-keyring, poppler-utils or sip-tester; their tests will be skipped"; \
	fi

test: lint test-setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# lupdate only reads C++/QML/.ui by default: `-extensions py` makes it scan every .py under ui/
# and app/ (recursively); `-no-obsolete` drops strings that left the code. In app/ the core's
# messages `Text(code, template)` and marked words `term(context, word)` are read as
# QT_TRANSLATE_NOOP(context, source) (app/messages.py). New strings arrive unfinished: translate
# them (see resources/translations/README.md), then run this target again to compile.
# tests/ui/test_translation.py runs the same LUPDATE_ARGS.
LUPDATE_ARGS := -extensions py -no-obsolete -tr-function-alias QT_TRANSLATE_NOOP+=Text,QT_TRANSLATE_NOOP+=term ui app
translations: venv
	$(VENV)/bin/pyside6-lupdate $(LUPDATE_ARGS) -ts resources/translations/hotline_desk_en.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/hotline_desk_en.ts -qm resources/translations/hotline_desk_en.qm

# Every window, tab and dialog of each role, both languages, 1280x720 and 1920x1080, into screens/.
screens: venv
	QT_QPA_PLATFORM=offscreen $(PY) tools/screens.py --out screens $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# The central server on 127.0.0.1:8345 with SQLite in data/server (ARGS="--database-url ...").
server: venv
	$(PY) -m server serve $(ARGS)

# The seat's application as one folder (dist/hotline-desk/) that runs without Python: PyInstaller
# with packaging/hotline-desk.spec. The same command builds hotline-desk.exe on Windows.
bundle: venv
	$(PY) -m PyInstaller --noconfirm --clean packaging/hotline-desk.spec
