/** The fixture app's stack name, apart from fixtureApp.ts so that importing it does not run the app. */
export const FIXTURE_STACK = 'LocalStackFixture';
