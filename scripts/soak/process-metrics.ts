import { metricSample as sample } from '../metrics-text';

/** One process's memory (MiB) and CPU used so far (seconds), as its own /metrics reports them. */
export interface ProcessSample {
  rssMiB: number;
  heapUsedMiB: number;
  cpuSeconds: number;
}

const MiB = 1024 * 1024;

/**
 * Reads RSS, used heap and CPU time from a process's GET /metrics (prom-client's default metrics), so
 * the figures are the ones an operator's Prometheus sees. Throws when the process does not answer or lacks them.
 */
export async function readProcess(metricsUrl: string): Promise<ProcessSample> {
  const res = await fetch(metricsUrl, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${metricsUrl} answered ${res.status}`);
  const text = await res.text();
  const rss = sample(text, 'process_resident_memory_bytes');
  const heapUsed = sample(text, 'nodejs_heap_size_used_bytes');
  const cpu = sample(text, 'process_cpu_seconds_total');
  if (rss === undefined || heapUsed === undefined || cpu === undefined)
    throw new Error(`${metricsUrl} lacks process_resident_memory_bytes, nodejs_heap_size_used_bytes or process_cpu_seconds_total`);
  return { rssMiB: rss / MiB, heapUsedMiB: heapUsed / MiB, cpuSeconds: cpu };
}

/** Every process's sample, by name; a process that cannot be read is reported with why, not dropped. */
export async function readAllProcesses(metricsUrls: Record<string, string>): Promise<Map<string, ProcessSample | Error>> {
  const entries = await Promise.all(
    Object.entries(metricsUrls).map(async ([name, url]): Promise<[string, ProcessSample | Error]> => {
      try {
        return [name, await readProcess(url)];
      } catch (err) {
        return [name, err instanceof Error ? err : new Error(String(err))];
      }
    }),
  );
  return new Map(entries);
}
