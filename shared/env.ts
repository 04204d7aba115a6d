/** Reads a required environment variable, failing with a message that names it. */
export const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
};
