/** What a process does with the job queues. */
export type JobsRole = 'all' | 'web' | 'worker'

export type WorkersPluginOptions = {
  /**
   * Set to false to leave the config untouched.
   * @default true
   */
  enabled?: boolean
  /**
   * `web` runs no queue (no autoRun crons, no run asked for in a request, no run endpoint): it only queues; `worker` and
   * `all` run them, a worker through `startWorkerLoop`.
   * @default 'all'
   */
  role?: JobsRole
}
