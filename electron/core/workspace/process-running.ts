/**
 * Whether a process still runs: signal 0 checks without signalling. EPERM means it runs as
 * another user. A reused process id reads as running, which only keeps a dead import's staged
 * batch until a later open.
 */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
