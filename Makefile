# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin

.PHONY: install install-dev run test fuzz lint format messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The demo content is loaded with its tasks run at once, so the worker starts with an empty queue.
run: install
	$(BIN)/python manage.py migrate --noinput
	BACKGROUND_TASKS=false $(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py rebuild_search_index
	VENV=$(VENV) PORT=$(PORT) tools/serve.sh

# Starts a local search node for the run when ELASTICSEARCH_URL is unset and Java is here (tools/run_tests.sh).
test: install-dev
	VENV=$(VENV) tools/run_tests.sh $(PYTEST_ARGS)

# The API against its OpenAPI description with schemathesis (tools/fuzz_api.sh).
fuzz: install-dev
	VENV=$(VENV) tools/fuzz_api.sh

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the interface translations after changing {% translate %} strings (needs GNU gettext).
messages: install-dev
	$(BIN)/python manage.py makemessages -l zh_Hans --ignore=.venv --ignore=media --ignore=clients
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=clients
