// Scheduled jobs for tests: jobs do not run on their own under NODE_ENV=test.
import type { Payload, TaskType } from 'payload'

/**
 * What a minute of the server's scheduler does on `queue`: queues every task scheduled there, then runs
 * the queue. Tests then see the effect of whichever plugin owns the task.
 */
export async function runScheduledTasks(payload: Payload, queue = 'default'): Promise<void> {
  const scheduled = (payload.config.jobs.tasks ?? []).filter((task) => task.schedule?.some((entry) => (entry.queue ?? 'default') === queue))
  for (const task of scheduled) await payload.jobs.queue({ input: {}, queue, task: task.slug as TaskType })
  await payload.jobs.run({ queue })
}
