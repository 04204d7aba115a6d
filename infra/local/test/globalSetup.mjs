// Jest loads global setup outside its module system, where `.js` specifiers of TypeScript files do
// not resolve; tsx loads the TypeScript module instead.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { default: setup } = await tsImport('./setupParts.ts', import.meta.url);
  await setup();
}
