import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { useEffect, useMemo, useState } from 'react';
import type { ExplorerConfig } from './config';
import { graphFetcher } from './fetcher';
import { Notices } from './Notices';
import { PersonaPicker } from './PersonaPicker';
import { RunAgainAsNewPersona } from './RunAgainAsNewPersona';
import { MemoryStorage } from './memory-storage';
import { listPersonas, signIn, type Persona, type Session } from './sign-in';

/** Made once: GraphiQL resets the visible plugin whenever its plugins change. */
const PLUGINS = [HISTORY_PLUGIN, explorerPlugin()];
const DOCS = 'Documentation Explorer';
const STORAGE = new MemoryStorage();

export function App({ config }: { config: ExplorerConfig }) {
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState<string | null>(null);

  useEffect(() => {
    listPersonas(config.identityProvider).then(setPersonas, (err: Error) =>
      setProblem(
        `No development identity provider answered at ${config.identityProvider} (${err.message}): put a token in the Headers tab as {"authorization": "Bearer ..."}.`,
      ),
    );
  }, [config.identityProvider]);

  const choose = (persona: Persona) => {
    setSigningIn(persona.key);
    signIn(config.identityProvider, persona)
      .then((s) => {
        setSession(s);
        setProblem(null);
      })
      .catch((err: Error) => setProblem(err.message))
      .finally(() => setSigningIn(null));
  };

  // A new fetcher (a new token) makes GraphiQL introspect again: the schema and Docs follow the persona.
  const fetcher = useMemo(() => graphFetcher(session), [session]);

  return (
    <div className="nwd-explorer">
      <header className="nwd-bar">
        <h1>No Wrong Door graph explorer</h1>
        <span className="nwd-development">development only</span>
        <PersonaPicker personas={personas} current={session?.persona.key ?? null} signingIn={signingIn} onChoose={choose} />
        <Notices />
      </header>
      {!session && !problem && (
        <p className="nwd-hint">
          Choose a persona to sign in: the schema and Docs load, and ▶ runs the operation of the open tab as them. The tabs are the example
          operations of gateway/operations, with example variables.
        </p>
      )}
      {problem && (
        <p className="nwd-problem" role="alert">
          {problem}
        </p>
      )}
      <main className="nwd-graphiql">
        <GraphiQL
          // Made again once, at the first sign-in, to open the Docs (GraphiQL opens a pane only as it starts);
          // the tabs, kept in STORAGE, carry over. Switching persona after that only changes the fetcher.
          key={session ? 'signed-in' : 'signed-out'}
          fetcher={fetcher}
          // No schema until someone signs in: every request needs a user's token, so asking sooner is an error.
          schema={session ? undefined : null}
          storage={STORAGE}
          defaultTabs={config.tabs}
          // GraphiQL fills the first tab's editors from these, not from defaultTabs.
          initialQuery={config.tabs[0]?.query}
          initialVariables={config.tabs[0]?.variables}
          plugins={PLUGINS}
          visiblePlugin={session ? DOCS : undefined}
          defaultEditorToolsVisibility="variables"
          shouldPersistHeaders={false}
        >
          <RunAgainAsNewPersona />
        </GraphiQL>
      </main>
    </div>
  );
}
