/**
 * A one-line progress bar on stderr for terminals; elsewhere (CI logs, pipes) a line per quarter,
 * so logs stay short. stdout is left to the report.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = "";
  let lastQuarter = -1;
  return {
    update(label: string, done: number, total: number) {
      const ratio = total === 0 ? 1 : done / total;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(ratio * width);
        const line = `${label.padEnd(8)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`;
        if (line !== lastLine) stream.write(`\r${line}`);
        lastLine = line;
        if (done === total) stream.write("\n");
      } else {
        const quarter = Math.floor(ratio * 4);
        if (quarter !== lastQuarter) stream.write(`${label} ${done}/${total}\n`);
        lastQuarter = quarter;
      }
    },
    /** Starts the next stage on a fresh line. */
    reset() {
      lastLine = "";
      lastQuarter = -1;
    },
  };
}
