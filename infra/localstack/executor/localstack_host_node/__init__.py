"""LocalStack Lambda runtime executor that runs Node.js handlers as processes on the host."""
