/**
 * Tags that tie deployed resources back to the manifest that declared them. Tests use them to tell
 * the platform's own functions and tables apart from the helper functions CDK adds (custom
 * resources), and operators can find a function or table by its manifest name.
 */

/** Tag on every manifest function (and its role, log group …); the value is `qualifiedName(service, fn)`. */
export const FUNCTION_TAG = 'clean-governance:function';

/** Tag on every manifest table; the value is `<service>.<table key>`. */
export const TABLE_TAG = 'clean-governance:table';

/** Tag on every manifest bucket; the value is `<service>.<bucket key>`. */
export const BUCKET_TAG = 'clean-governance:bucket';

/** Tag on every resource a service construct creates; the value is the service name. */
export const SERVICE_TAG = 'clean-governance:service';

/** The value of {@link TABLE_TAG} for one table of one service. */
export const tableTagValue = (service: string, tableKey: string): string => `${service}.${tableKey}`;

/** The value of {@link BUCKET_TAG} for one bucket of one service. */
export const bucketTagValue = (service: string, bucketKey: string): string => `${service}.${bucketKey}`;
