/** A demo persona, as the development identity provider lists them (GET /personas). */
export interface Persona {
  key: string;
  id: string;
  name: string;
  role: string;
  agency: string;
}

export interface Session {
  persona: Persona;
  /** A current token: asked for again once the last is close to its hour (the gateway accepts an hour at most). */
  token(): Promise<string>;
}

/** Tokens from the development identity provider live an hour; a new one is asked for after 50 minutes. */
const RENEW_AFTER_MS = 50 * 60_000;

/** The answer's error in words, or the HTTP status when it has none. */
async function failure(what: string, res: Response): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  return new Error(`${what}: ${body.error ?? `HTTP ${res.status}`}`);
}

export async function listPersonas(identityProvider: string): Promise<Persona[]> {
  const res = await fetch(`${identityProvider}/personas`);
  if (!res.ok) throw await failure('the identity provider did not list its personas', res);
  return (await res.json()) as Persona[];
}

async function tokenFor(identityProvider: string, persona: Persona): Promise<string> {
  const res = await fetch(`${identityProvider}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona: persona.key }),
  });
  if (!res.ok) throw await failure(`no token for ${persona.name}`, res);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Signs in as a persona: a token from the development identity provider, as `curl .../token` gets one. */
export async function signIn(identityProvider: string, persona: Persona): Promise<Session> {
  let current = { token: await tokenFor(identityProvider, persona), at: Date.now() };
  return {
    persona,
    async token() {
      if (Date.now() - current.at > RENEW_AFTER_MS) current = { token: await tokenFor(identityProvider, persona), at: Date.now() };
      return current.token;
    },
  };
}

/** The roles' acronyms, which stay capitals. */
const ACRONYMS = new Set(['NWD', 'IRO', 'LAC', 'IG']);

/** 'NWD_KEY_WORKER' -> 'NWD key worker', 'SOCIAL_CARE' -> 'social care'. */
export const inWords = (code: string) =>
  code
    .split('_')
    .map((word) => (ACRONYMS.has(word) ? word : word.toLowerCase()))
    .join(' ');
