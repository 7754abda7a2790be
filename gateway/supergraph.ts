import { Supergraph } from '@apollo/federation-internals';
import type { SupergraphManager } from '@apollo/gateway';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Logger } from '../kit/shared/logger';

/** What the gateway is serving, for readiness and logs. */
export interface SupergraphState {
  /** First 12 hex digits of the SHA-256 of the supergraph in use. */
  version: string;
  loadedAt: string;
  /** The last version found in the file and refused, and why (cleared when a good one loads). */
  refused?: { version: string; reason: string; at: string };
}

export interface WatchedSupergraph {
  manager: SupergraphManager;
  state(): SupergraphState;
}

const versionOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 12);

/**
 * The supergraph as the gateway runs it: the file names no deployment (`url: ""`), so each subgraph's
 * configured URL is written into its join__graph here, in memory.
 */
export function locateSubgraphs(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: ${JSON.stringify(urls[name])})` : whole,
  );
}

/**
 * Checks that `sdl` is a supergraph this gateway can serve: it parses and validates as a supergraph
 * (composition's output), and every subgraph it names has a configured URL.
 */
export function checkSupergraph(sdl: string, urls: Record<string, string>): void {
  const supergraph = Supergraph.build(sdl);
  const unknown = supergraph
    .subgraphs()
    .names()
    .filter((name) => !urls[name]);
  if (unknown.length) throw new Error(`it names subgraphs with no configured URL: ${unknown.join(', ')}`);
}

/**
 * The supergraph file, served and watched: checked every `pollMs` (a Kubernetes ConfigMap is replaced
 * by swapping a symlink, which a poll sees and a file watch may not), and a changed one that passes
 * checkSupergraph replaces the one in use without a restart. One that does not is refused and logged
 * once; the one in use stays. A file that cannot be read or is invalid at start stops the start.
 */
export function watchSupergraph(
  path: string,
  options: { pollMs: number; urls: Record<string, string>; logger: Logger; onReload?: (outcome: 'loaded' | 'refused') => void },
): WatchedSupergraph {
  const { logger } = options;
  let current: SupergraphState | undefined;
  const manager: SupergraphManager = {
    async initialize({ update }) {
      const first = await readFile(path, 'utf8');
      checkSupergraph(first, options.urls);
      current = { version: versionOf(first), loadedAt: new Date().toISOString() };
      let checking = false;
      const poll = setInterval(() => {
        if (checking) return;
        checking = true;
        void readFile(path, 'utf8')
          .then((sdl) => {
            const version = versionOf(sdl);
            if (version === current!.version || version === current!.refused?.version) return;
            try {
              checkSupergraph(sdl, options.urls);
              update(locateSubgraphs(sdl, options.urls));
            } catch (err) {
              const reason = (err as Error).message.split('\n')[0];
              current = { ...current!, refused: { version, reason, at: new Date().toISOString() } };
              logger.error({ path, version, reason, inUse: current.version }, 'supergraph refused: the one in use stays');
              options.onReload?.('refused');
              return;
            }
            logger.info({ path, from: current!.version, to: version }, 'supergraph reloaded');
            current = { version, loadedAt: new Date().toISOString() };
            options.onReload?.('loaded');
          })
          .catch((err: Error) => logger.warn({ path, err: err.message }, 'supergraph file could not be read: the one in use stays'))
          .finally(() => (checking = false));
      }, options.pollMs);
      poll.unref();
      return { supergraphSdl: locateSubgraphs(first, options.urls), cleanup: () => Promise.resolve(clearInterval(poll)) };
    },
  };
  return { manager, state: () => current ?? { version: 'none', loadedAt: 'never' } };
}
