"""The plux plugins of this package (entry points in pyproject.toml).

HostNodeRuntimeExecutorPlugin is loaded when LAMBDA_RUNTIME_EXECUTOR=host-node; modelled on
DockerRuntimeExecutorPlugin in localstack/services/lambda_/invocation/plugins.py, its load() returns
the executor class, imported lazily so that merely listing plugins stays cheap.
"""

import os
import tempfile

from localstack.runtime import hooks
from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin


class HostNodeRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "host-node"

    def load(self, *args, **kwargs):
        from localstack_host_node.executor import HostNodeRuntimeExecutor

        return HostNodeRuntimeExecutor


@hooks.on_infra_start()
def s3_storage_in_tmp() -> None:
    """Keeps S3 object data in the process's temp folder (TEMP/TMPDIR), like Lambda code.

    The S3 provider stores objects under a fixed /tmp/localstack-s3-storage
    (DEFAULT_S3_TMP_DIR in localstack/services/s3/provider.py, read when the provider is created on
    the first S3 request, after this hook), which in host mode would be shared by every LocalStack on
    the machine and outlive it.
    """
    from localstack.services.s3 import provider

    provider.DEFAULT_S3_TMP_DIR = os.path.join(tempfile.gettempdir(), "localstack-s3-storage")
