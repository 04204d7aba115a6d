/**
 * Test support: synthesizes the platform stack the way `cdk synth` does (same `cdk.json` context),
 * but with bundling skipped, and finds the template resources that belong to manifest functions
 * and tables by their tags.
 */
import { readFileSync } from 'node:fs';
import { App, NestedStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { services as allServices } from '#services/index.js';
import type { ServiceManifest } from '#shared/manifest.js';
import { PlatformStack } from '../../lib/platform-stack.js';
import { FUNCTION_TAG, TABLE_TAG } from '../../lib/tags.js';

/** A CloudFormation resource as the template holds it. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** The feature flags and defaults `cdk synth` uses. */
const cdkJsonContext = (JSON.parse(readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8')) as {
  context?: Record<string, unknown>;
}).context ?? {};

/** Options of {@link synthesize}. */
export interface SynthesizeOptions {
  /** Extra CDK context, e.g. `jwtIssuer`. */
  readonly context?: Record<string, unknown>;
  /** Manifests to deploy instead of the real ones. */
  readonly services?: readonly ServiceManifest[];
}

const cache = new Map<string, Template>();

/**
 * The template of the `CleanGovernance` stack. Bundling is skipped through the standard
 * `aws:cdk:bundling-stacks` context key; templates of the real manifests are cached per context.
 */
export const synthesize = (options: SynthesizeOptions = {}): Template => {
  const key = options.services === undefined ? JSON.stringify(options.context ?? {}) : undefined;
  const cached = key === undefined ? undefined : cache.get(key);
  if (cached !== undefined) return cached;
  const app = new App({
    context: { ...cdkJsonContext, ...options.context, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new PlatformStack(app, 'CleanGovernance', { services: options.services ?? allServices });
  const template = flattened(stack);
  if (key !== undefined) cache.set(key, template);
  return template;
};

type Json = unknown;

/** `value` with every object that `replace` answers for replaced by its answer, deeply. */
const substitute = (value: Json, replace: (node: Record<string, unknown>) => Json | undefined): Json => {
  if (Array.isArray(value)) return value.map((v) => substitute(v, replace));
  if (typeof value !== 'object' || value === null) return value;
  const replaced = replace(value as Record<string, unknown>);
  if (replaced !== undefined) return substitute(replaced, replace);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, replace)]));
};

interface TemplateJson {
  Resources: Record<string, { Type: string; Properties?: Record<string, Json> }>;
  Parameters?: Record<string, Json>;
  Outputs?: Record<string, { Value: Json }>;
  [key: string]: Json;
}

/**
 * The platform stack's template with each service's nested stack folded in, as if it were one
 * stack: a nested stack's parameters are replaced by what the platform passes them, and the
 * platform's reads of a nested stack's outputs by what the outputs hold, so that tests follow
 * references (a route to its function, a function to its role) across the two.
 */
const flattened = (stack: PlatformStack): Template => {
  const parent = Template.fromStack(stack).toJSON() as TemplateJson;
  // Every nested stack of the platform: each service's, and each service's alarms.
  const nested = stack.node.children.filter((child): child is NestedStack => child instanceof NestedStack);
  const children = new Map(
    nested.map((child) => [stack.getLogicalId(child.nestedStackResource!), Template.fromStack(child).toJSON() as TemplateJson] as const),
  );
  const resources: TemplateJson['Resources'] = {};
  for (const [id, resource] of Object.entries(parent.Resources)) if (!children.has(id)) resources[id] = resource;
  for (const [stackId, child] of children) {
    const passed = (parent.Resources[stackId]!.Properties?.Parameters ?? {}) as Record<string, Json>;
    const resolved = substitute(child.Resources, (node) => (typeof node.Ref === 'string' && node.Ref in passed ? passed[node.Ref] : undefined)) as TemplateJson['Resources'];
    for (const [id, resource] of Object.entries(resolved)) {
      if (id in resources) throw new Error(`Logical id ${id} is in two stacks; the flattened template cannot hold both.`);
      resources[id] = resource;
    }
  }
  const output = (node: Record<string, unknown>): Json | undefined => {
    const getAtt = node['Fn::GetAtt'];
    if (!Array.isArray(getAtt) || typeof getAtt[0] !== 'string' || typeof getAtt[1] !== 'string' || !getAtt[1].startsWith('Outputs.')) return undefined;
    const child = children.get(getAtt[0]);
    const passed = (parent.Resources[getAtt[0]]?.Properties?.Parameters ?? {}) as Record<string, Json>;
    const value = child?.Outputs?.[getAtt[1].slice('Outputs.'.length)]?.Value;
    return value === undefined ? undefined : substitute(value, (n) => (typeof n.Ref === 'string' && n.Ref in passed ? passed[n.Ref] : undefined));
  };
  return Template.fromJSON({ ...parent, Resources: substitute(resources, output) as TemplateJson['Resources'] });
};

/** All resources of one type, by logical id. */
export const resourcesOf = (template: Template, type: string): Record<string, CfnResource> =>
  template.findResources(type) as Record<string, CfnResource>;

/** The value of one tag of a resource, if it has it. */
export const tagOf = (resource: CfnResource, key: string): string | undefined =>
  (resource.Properties.Tags as Array<{ Key: string; Value: string }> | undefined)?.find((tag) => tag.Key === key)
    ?.Value;

const byTag = (template: Template, type: string, tag: string): Map<string, string> => {
  const map = new Map<string, string>();
  for (const [logicalId, resource] of Object.entries(resourcesOf(template, type))) {
    const value = tagOf(resource, tag);
    if (value !== undefined) map.set(value, logicalId);
  }
  return map;
};

/** Qualified function name → logical id of its `AWS::Lambda::Function`. */
export const functionIds = (template: Template): Map<string, string> =>
  byTag(template, 'AWS::Lambda::Function', FUNCTION_TAG);

/** `<service>.<table key>` → logical id of its `AWS::DynamoDB::Table`. */
export const tableIds = (template: Template): Map<string, string> => byTag(template, 'AWS::DynamoDB::Table', TABLE_TAG);

/** Logical id → qualified function name (the reverse of {@link functionIds}). */
export const functionNamesById = (template: Template): Map<string, string> =>
  new Map([...functionIds(template)].map(([name, id]) => [id, name]));

/** The logical id a `{ Ref }` or `{ 'Fn::GetAtt': [id, attr] }` points at. */
export const referencedId = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  if (typeof ref === 'string') return ref;
  const getAtt = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
  return Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
};

/** The single resource of a type, failing clearly when there are none or several. */
export const onlyResource = (template: Template, type: string): [string, CfnResource] => {
  const entries = Object.entries(resourcesOf(template, type));
  if (entries.length !== 1) throw new Error(`Expected exactly one ${type}, found ${entries.length}.`);
  return entries[0]!;
};

/** Sorts by JSON text, so that lists of plain objects compare regardless of order. */
export const sorted = <T>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** An IAM policy statement, with `Action` and `Resource` always as lists. */
export interface PolicyStatement {
  readonly Effect: string;
  readonly Action: string[];
  readonly Resource: unknown[];
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/**
 * Every statement of the inline policies attached to the execution role of a function, with
 * single actions and resources turned into lists (policy minimization merges statements).
 */
export const roleStatementsOf = (template: Template, functionId: string): PolicyStatement[] => {
  const fn = resourcesOf(template, 'AWS::Lambda::Function')[functionId];
  const roleId = referencedId(fn?.Properties.Role);
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties.Roles as unknown[]).some((role) => referencedId(role) === roleId && roleId !== undefined),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Effect: string; Action: string | string[]; Resource: unknown }>)
    .map((statement) => ({ Effect: statement.Effect, Action: asList(statement.Action), Resource: asList(statement.Resource) }));
};
