// What a worker process does instead of autoRun's crons: passes over the queues (schedules, then jobs),
// back to back while there is work, otherwise on the next multiple of the poll interval, like a cron: all
// workers look at the same moments, so claims and schedules are contended as they are in production.
import type { Payload } from 'payload'

export type WorkerQueue = { limit: number; queue: string }

export type WorkerLoop = {
  /** Jobs this loop has run (each claimed once: see claimJobsOnce). */
  jobsRun: () => number
  /** Takes no new job; resolves once the pass in progress, and so every job it claimed, has ended. */
  stop: () => Promise<void>
}

/** The queues of the config's autoRun list, each with the largest limit it is given there (default 10). */
export async function queuesOf(payload: Payload): Promise<WorkerQueue[]> {
  const { autoRun } = payload.config.jobs
  const entries = (typeof autoRun === 'function' ? await autoRun(payload) : autoRun) ?? []
  const limits = new Map<string, number>()
  for (const entry of entries) {
    const queue = entry.queue ?? 'default'
    limits.set(queue, Math.max(limits.get(queue) ?? 0, entry.limit ?? 10))
  }
  return [...limits].map(([queue, limit]) => ({ limit, queue }))
}

export function startWorkerLoop(payload: Payload, { pollMs, queues }: { pollMs: number; queues: WorkerQueue[] }): WorkerLoop {
  let stopping = false
  let jobsRun = 0
  let wake = () => {}

  const pass = async (): Promise<number> => {
    let ran = 0
    for (const { limit, queue } of queues) {
      if (stopping) break
      if (payload.config.jobs.scheduling) await payload.jobs.handleSchedules({ queue })
      if (stopping) break
      const result = await payload.jobs.run({ limit, queue })
      ran += Object.keys(result.jobStatus ?? {}).length
    }
    return ran
  }

  const sleepUntilNextTick = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs - (Date.now() % pollMs))
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const loop = (async () => {
    while (!stopping) {
      let ran = 0
      try {
        ran = await pass()
      } catch (error) {
        // The database away for a moment: the next tick tries again.
        payload.logger.error({ err: error, msg: 'Worker: a pass over the queues failed' })
      }
      jobsRun += ran
      if (ran === 0 && !stopping) await sleepUntilNextTick()
    }
  })()

  return {
    jobsRun: () => jobsRun,
    stop: () => {
      stopping = true
      wake()
      return loop
    },
  }
}
