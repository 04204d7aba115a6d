/** The HTTP API: one route per http trigger, behind one JWT authorizer except the public ones. */
import { services } from '#services/index.js';
import { qualifiedName, triggersOf } from '#shared/manifest.js';
import {
  functionNamesById,
  onlyResource,
  referencedId,
  resourcesOf,
  sorted,
  synthesize,
} from './support/platform.js';

/** The integration logical id in a route target `{ 'Fn::Join': ['', ['integrations/', { Ref }]] }`. */
const integrationIdOf = (target: unknown): string | undefined => {
  const join = (target as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  return referencedId(join?.[1]?.[1]);
};

describe('HTTP API', () => {
  it('has one route per http trigger, integrated with its function and guarded by the JWT authorizer unless public, and no other route', () => {
    // Prepare
    const triggers = services.flatMap((service) => triggersOf(service, 'http').map(({ functionName, trigger }) => ({ service, functionName, trigger })));
    const expected = triggers.map(({ service, functionName, trigger }) => ({ routeKey: `${trigger.method} ${trigger.path}`, fn: qualifiedName(service.name, functionName) }));
    const publicRoutes = new Set(triggers.filter(({ trigger }) => trigger.public).map(({ trigger }) => `${trigger.method} ${trigger.path}`));

    // Act
    const template = synthesize();

    // Assess
    const [authorizerId, authorizer] = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    const integrations = resourcesOf(template, 'AWS::ApiGatewayV2::Integration');
    const functionNames = functionNamesById(template);
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route'));
    for (const route of routes) {
      const open = publicRoutes.has(route.Properties.RouteKey as string);
      expect({ route: route.Properties.RouteKey, type: route.Properties.AuthorizationType, id: route.Properties.AuthorizerId }).toEqual(
        open ? { route: route.Properties.RouteKey, type: 'NONE', id: undefined } : { route: route.Properties.RouteKey, type: 'JWT', id: { Ref: authorizerId } },
      );
    }
    expect(publicRoutes.size).toBeGreaterThan(0);
    const actual = routes.map((route) => {
      const integration = integrations[integrationIdOf(route.Properties.Target) ?? 'missing'];
      return {
        routeKey: route.Properties.RouteKey as string,
        fn: functionNames.get(referencedId(integration?.Properties.IntegrationUri) ?? 'missing'),
      };
    });
    expect(sorted(actual)).toEqual(sorted(expected));
  });

  it('trusts a Cognito user pool carrying custom:role and custom:unit when no issuer is configured, for the API’s client and the web app’s', () => {
    // Prepare
    const context = {};

    // Act
    const template = synthesize({ context });

    // Assess
    const [poolId, pool] = onlyResource(template, 'AWS::Cognito::UserPool');
    const clients = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'));
    const [clientId, client] = clients.find(([id]) => !id.includes('WebClient'))!;
    const [webClientId] = clients.find(([id]) => id.includes('WebClient'))!;
    expect(clients).toHaveLength(2);
    const [, authorizer] = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.JwtConfiguration).toEqual({
      Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: poolId }]] },
      Audience: [{ Ref: clientId }, { Ref: webClientId }],
    });
    expect(pool.Properties.Schema).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Name: 'role', AttributeDataType: 'String', Mutable: true }),
        expect.objectContaining({ Name: 'unit', AttributeDataType: 'String', Mutable: true }),
      ]),
    );
    for (const [, c] of clients) {
      const writable = c.Properties.WriteAttributes as string[];
      expect(writable).not.toContain('custom:role');
      expect(writable).not.toContain('custom:unit');
    }
    expect(client.Properties.GenerateSecret).toBe(false);
    template.hasOutput('UserPoolId', { Value: { Ref: poolId } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: clientId } });
  });

  it('uses the jwtIssuer and jwtAudience context when given, and creates no user pool', () => {
    // Prepare
    const context = { jwtIssuer: 'https://id.example.gov.cn/realms/cg', jwtAudience: 'cg-web, cg-mobile' };

    // Act
    const template = synthesize({ context });

    // Assess
    const [, authorizer] = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.JwtConfiguration).toEqual({
      Issuer: 'https://id.example.gov.cn/realms/cg',
      Audience: ['cg-web', 'cg-mobile'],
    });
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
  });

  it('rejects an issuer without an audience', () => {
    // Prepare
    const context = { jwtIssuer: 'https://id.example.gov.cn/realms/cg' };

    // Act
    const act = (): unknown => synthesize({ context });

    // Assess
    expect(act).toThrow('Context "jwtIssuer" and "jwtAudience" must be given together');
  });

  it('outputs the API URL', () => {
    // Prepare
    const outputName = 'ApiUrl';

    // Act
    const template = synthesize();

    // Assess
    const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    template.hasOutput(outputName, { Value: { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] } });
  });
});
