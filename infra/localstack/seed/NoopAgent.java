/**
 * A Java agent that does nothing. LocalStack starts DynamoDB Local with
 * -javaagent:<install dir>/ddb-local-loader-0.1.jar (localstack/services/dynamodb/server.py,
 * _create_shell_command), a patch it downloads from its GitHub artifacts repository to lift the limit
 * of 20 GSIs (localstack/services/dynamodb/packages.py). That download is not possible here and the
 * patch is not needed, but the JVM refuses to start without a loadable agent, so infra/localstack
 * compiles this one into that place.
 */
public final class NoopAgent {
  public static void premain(String args) {}
}
