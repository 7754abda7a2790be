/** A progress line for long seeding runs: redrawn in place on a terminal, every 10% in logs. */
export function progressReporter(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastTenth = -1;
  return {
    update(done: number) {
      const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      const pct = Math.floor((done / total) * 100);
      const text = `[${label}] ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} young people (${pct}%), ${rate.toLocaleString('en-GB')}/s`;
      if (stream.isTTY) {
        stream.write(`\r${text}${done === total ? '\n' : ''}`);
      } else if (Math.floor(pct / 10) !== lastTenth || done === total) {
        lastTenth = Math.floor(pct / 10);
        stream.write(`${text}\n`);
      }
    },
  };
}
