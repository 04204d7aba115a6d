"""A RuntimeExecutor that runs each Lambda execution environment as a Node.js process on the host.

LocalStack's own executor (localstack/services/lambda_/invocation/docker_runtime_executor.py) starts a
container whose init binary (localstack/lambda-runtime-init, a fork of the AWS Lambda Runtime Interface
Emulator) talks to LocalStack over HTTP:

* LocalStack POSTs each invocation to ``http://<address>:<port>/invoke``
  (ExecutorEndpoint.invoke in localstack/services/lambda_/invocation/executor_endpoint.py);
* the init POSTs back to the executor endpoint, ``LOCALSTACK_RUNTIME_ENDPOINT``
  (``/_localstack_lambda/<executor id>``): ``/status/<id>/ready`` or ``/status/<id>/error`` once at
  start, then ``/invocations/<request id>/logs`` and ``/invocations/<request id>/response`` (or
  ``/error``) per invocation.

Here ``runtime.mjs`` (next to this file) plays the init's part: it imports the handler from the
unpacked code, serves ``/invoke`` on a loopback port and answers on the same routes, so LocalStack's
ExecutorEndpoint is reused unchanged. Only ``nodejs*`` runtimes of zip functions are supported.

Settings (environment of the LocalStack process):

* ``LAMBDA_HOST_NODE_BINARY``: the node executable (default: ``node`` on PATH);
* ``LAMBDA_HOST_NODE_RUNTIME``: the runtime script (default: ``runtime.mjs`` in this package).
"""

import logging
import os
import shutil
import signal
import subprocess
import threading
from pathlib import Path

from localstack import config
from localstack.services.lambda_.invocation.executor_endpoint import ExecutorEndpoint
from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, InvocationResult
from localstack.services.lambda_.invocation.runtime_executor import (
    LambdaRuntimeException,
    RuntimeExecutor,
)
from localstack.utils.net import get_free_tcp_port

LOG = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"


def _node_binary() -> str | None:
    return os.environ.get("LAMBDA_HOST_NODE_BINARY") or shutil.which("node")


def _runtime_script() -> Path:
    return Path(os.environ.get("LAMBDA_HOST_NODE_RUNTIME") or Path(__file__).with_name("runtime.mjs"))


def _gateway_host() -> str:
    """The address the handler process reaches LocalStack at: its gateway, loopback if it listens on all."""
    host = config.GATEWAY_LISTEN[0].host
    return LOOPBACK if host in ("", "0.0.0.0", "::") else host


class HostNodeRuntimeExecutor(RuntimeExecutor):
    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id=id, function_version=function_version)
        # The process listens on a free loopback port; ExecutorEndpoint posts invocations there.
        self.executor_endpoint = ExecutorEndpoint(
            self.id, container_address=LOOPBACK, container_port=get_free_tcp_port()
        )
        self.process: subprocess.Popen | None = None
        log_dir = Path(config.dirs.tmp) / "lambda-host-node"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{function_version.id.function_name}-{id}.log"

    def start(self, env_vars: dict[str, str]) -> None:
        self.executor_endpoint.start()
        code_dir = str(self.function_version.config.code.get_unzipped_code_location())
        # Only the function's environment as LocalStack computed it (credentials of the execution
        # role, AWS_ENDPOINT_URL, the function's variables...), not LocalStack's own.
        env = {key: str(value) for key, value in env_vars.items() if value is not None}
        env.update(
            PATH=os.environ.get("PATH", ""),
            LAMBDA_TASK_ROOT=code_dir,
            LAMBDA_RUNTIME_DIR=str(_runtime_script().parent),
            HOST_NODE_INVOKE_PORT=str(self.executor_endpoint.container_port),
        )
        node = _node_binary()
        LOG.debug("Starting host Node.js environment %s for %s", self.id, self.function_version.qualified_arn)
        with open(self.log_path, "ab") as log:
            # A session of its own, so that stop() can end the process and any child it spawned.
            self.process = subprocess.Popen(
                [node, str(_runtime_script())],
                cwd=code_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        threading.Thread(target=self._watch_startup, name=f"lambda-host-{self.id}", daemon=True).start()
        self.executor_endpoint.wait_for_startup()

    def _watch_startup(self) -> None:
        """Fails the start at once if the process exits before it reported ready or error."""
        process = self.process
        code = process.wait()
        future = self.executor_endpoint.startup_future
        if future is not None and not future.done():
            future.set_exception(
                LambdaRuntimeException(
                    f"Node.js process of environment {self.id} exited with {code} during start-up: {self.get_logs()[-2000:]}"
                )
            )

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
            except ProcessLookupError:
                pass
        try:
            self.executor_endpoint.shutdown()
        except Exception as e:
            LOG.debug("Error while stopping executor endpoint of %s: %s", self.id, e)

    def get_address(self) -> str:
        return LOOPBACK

    def get_endpoint_from_executor(self) -> str:
        return _gateway_host()

    def get_runtime_endpoint(self) -> str:
        return (
            f"http://{_gateway_host()}:{config.GATEWAY_LISTEN[0].port}"
            f"{self.executor_endpoint.get_endpoint_prefix()}"
        )

    def invoke(self, payload: dict[str, str]) -> InvocationResult:
        return self.executor_endpoint.invoke(payload)

    def get_logs(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    @classmethod
    def prepare_version(cls, function_version: FunctionVersion) -> None:
        runtime = function_version.config.runtime or ""
        if not runtime.startswith("nodejs"):
            raise LambdaRuntimeException(
                f"The host-node executor runs only nodejs* zip functions, not {runtime or 'container images'}"
            )
        if not _node_binary():
            raise LambdaRuntimeException("No node executable: set LAMBDA_HOST_NODE_BINARY")
        # Unpacks the zip from LocalStack's internal S3 bucket (localstack/services/lambda_/invocation/lambda_models.py, S3Code).
        if function_version.config.code:
            function_version.config.code.prepare_for_execution()

    @classmethod
    def cleanup_version(cls, function_version: FunctionVersion) -> None:
        pass

    @classmethod
    def validate_environment(cls) -> bool:
        if not _node_binary():
            LOG.warning("host-node Lambda executor: no node executable (set LAMBDA_HOST_NODE_BINARY)")
            return False
        return True
