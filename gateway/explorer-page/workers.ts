/**
 * Monaco (GraphiQL's editor) runs its language services in web workers. They are bundled beside the page
 * (scripts/build-explorer.ts) and loaded from this gateway, never from a CDN as GraphiQL's own setup does.
 */
export function setUpWorkers(labels: string[]) {
  (globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      return new Worker(`/explorer/assets/${labels.includes(label) ? label : 'editor'}.worker.js`);
    },
  };
}
