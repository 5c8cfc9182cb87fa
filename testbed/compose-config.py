"""Runs Debian's `docker-compose -f FILE config -q` on each FILE given, in one Python
process (starting docker-compose costs ~1 s each), and prints one JSON line per file:
{"file": ..., "exit": 0|1, "stderr": ...}. The CLI code path is exactly the tool's own."""
import contextlib, io, json, logging, os, sys
from compose.cli.main import main

for path in sys.argv[1:]:
    err = io.StringIO()
    code = 0
    # docker-compose logs its errors through `logging` to the stderr it finds at start.
    handler = logging.StreamHandler(err)
    logging.getLogger().handlers = [handler]
    sys.argv = ["docker-compose", "-f", path, "config", "-q"]
    cwd = os.getcwd()
    with contextlib.redirect_stderr(err):
        try:
            main()
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        finally:
            os.chdir(cwd)
    print(json.dumps({"file": path, "exit": code, "stderr": err.getvalue()}), flush=True)
