import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PERSONAS } from '../../kit/dev/personas';
import { DEFAULT_POPULATION, generatePerson } from '../../kit/dev/synthetic/population';
import { fromRepoRoot } from '../../kit/shared/paths';
import { chromiumForTests } from '../support/browser';
import { TEST_TODAY } from '../support/agency';
import { startTestGraph, type TestGraph } from '../support/graph';
import { withheldAt, type GraphQLBody } from '../support/graphql';

/**
 * The explorer as a new developer meets it, in a real browser (Debian's chromium driven by
 * playwright-core), on the README's data (600 young people, seed nwd-synthetic-1): the first screen shows
 * no error; one click signs in as the NWD key worker, the schema and Docs load; one click runs the
 * multi-agency view, which answers from all four agencies with health's notice that the SDQ score stays
 * within health; signed in as the LAC nurse instead, the same view shows the score. The page asks
 * nothing of any host but the gateway and the development identity provider. A screenshot is kept in
 * test-artifacts/explorer.png.
 */
const browserPath = chromiumForTests();
const describeInBrowser = browserPath ? describe : describe.skip;

/** The example young person of gateway/operations/multi-agency-view.graphql, as the synthetic data makes them. */
const PERSON = generatePerson(311, { ...DEFAULT_POPULATION, asOf: TEST_TODAY });
const ARTIFACTS = fromRepoRoot('test-artifacts');
const SDQ_TOTAL = ['youngPerson', 'health', 'latestSdq', 'total'];

interface View {
  youngPerson: {
    id: string;
    givenName: string | null;
    health: { matchStatus: string } | null;
    education: { matchStatus: string } | null;
    police: { matchStatus: string } | null;
  } | null;
}

describeInBrowser('the explorer in a browser', () => {
  let graph: TestGraph;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every URL the page (and its workers) asked for, and those refused for going elsewhere. */
  const requested: string[] = [];
  /** Script errors, and what the console reports (a request the Content-Security-Policy refused among them). */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    graph = await startTestGraph('sqlite', { population: { SEED: DEFAULT_POPULATION.seed, SEED_SIZE: String(DEFAULT_POPULATION.size) } });
    browser = await chromium.launch({ executablePath: browserPath!, args: ['--no-sandbox'] });
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const allowed = [new URL(graph.url).origin, new URL(graph.issuer).origin];
    // Anything bound elsewhere is recorded and never sent, so a leak fails the test without leaving the machine.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requested.push(url);
      if (url.startsWith('data:') || allowed.includes(new URL(url).origin)) await route.continue();
      else await route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  }, 60_000);

  /** The next answer to the multi-agency view the page is given, once `act` has been done. */
  const answerTo = async (act: () => Promise<void>) => {
    const answer = page.waitForResponse((res) => res.url() === graph.url && (res.request().postData() ?? '').includes('"MultiAgencyView"'));
    await act();
    return (await (await answer).json()) as GraphQLBody<View>;
  };

  it('opens without an error, offering every persona to sign in as', async () => {
    await page.goto(graph.url.replace(/\/graphql$/, '/explorer'));
    await page.waitForSelector('button[data-persona="keyWorker"]');
    expect(await page.locator('.nwd-personas button').count()).toBe(Object.keys(PERSONAS).length);
    expect(await page.locator('.nwd-problem').count()).toBe(0);
    expect(await page.locator('.graphiql-tab-active').innerText()).toMatch(/MultiAgencyView/);
    expect(await page.locator('.result-window').innerText()).not.toMatch(/error|refused|401/i);
  });

  it('signs in with one click: the schema and Docs load', async () => {
    await page.click('button[data-persona="keyWorker"]');
    await page.waitForSelector('.graphiql-doc-explorer >> text=Root Types');
    expect(await page.locator('button[data-persona="keyWorker"]').getAttribute('aria-pressed')).toBe('true');
  });

  it('runs the multi-agency view with one click: all four agencies answer, with a withheld notice beside the data', async () => {
    expect(PERSON).toMatchObject({ nwd: true, heldByHealth: true, heldByEducation: true, heldByPolice: true });
    const body = await answerTo(() => page.click('.graphiql-execute-button'));
    const view = body.data!.youngPerson!;
    expect(view).toMatchObject({ id: PERSON.id, givenName: PERSON.givenName });
    expect([view.health?.matchStatus, view.education?.matchStatus, view.police?.matchStatus]).toEqual(['MATCHED', 'MATCHED', 'MATCHED']);
    // Health's clinical detail stays within health: the key worker sees the SDQ band, not the score.
    expect(withheldAt(body.errors, SDQ_TOTAL)?.extensions).toMatchObject({ agency: 'health' });
    await page.locator('.result-window', { hasText: 'WITHHELD' }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
  });

  it('answers the same view again at once for another persona, differently: the LAC nurse sees the SDQ score', async () => {
    const body = await answerTo(() => page.click('button[data-persona="lacNurse"]'));
    expect(await page.locator('button[data-persona="lacNurse"]').getAttribute('aria-pressed')).toBe('true');
    expect(body.data!.youngPerson!.id).toBe(PERSON.id);
    expect(withheldAt(body.errors, SDQ_TOTAL)).toBeUndefined();
  });

  it('asked nothing of any host but the gateway and the development identity provider', () => {
    const origins = new Set(requested.filter((url) => !url.startsWith('data:')).map((url) => new URL(url).origin));
    expect([...origins].sort()).toEqual([new URL(graph.url).origin, new URL(graph.issuer).origin].sort());
    // Monaco's workers came from the gateway too.
    expect(requested.filter((url) => url.endsWith('.worker.js')).length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('the browser tests without chromium', () => {
  const nowhere = ['/nonexistent/chromium'];
  it('fail in CI, saying what to install', () => {
    expect(() => chromiumForTests({ CI: 'true' }, nowhere)).toThrow(/need chromium in CI: .*apt-get install -y chromium/);
  });
  it('are skipped elsewhere, saying why', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(chromiumForTests({}, nowhere)).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Skipping the browser tests: no chromium at \/nonexistent\/chromium/));
    } finally {
      warn.mockRestore();
    }
  });
});
