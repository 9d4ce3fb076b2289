// A small work pool: runs `task` over `items` with at most `limit` in flight, in order of the items. One task's
// failure is the task's own business (callers catch inside `task`); the pool stops taking new items once `signal` is
// aborted or a task throws, and rethrows that first error after the in-flight ones settle — which is how an
// AuthorizationRequiredError stops a whole run "at once" without leaving requests dangling.
export async function forEachPooled<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && !signal?.aborted) {
      const index = next;
      next += 1;
      const item = items[index];
      if (index >= items.length || item === undefined) return;
      try {
        await task(item, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  if (failure !== null) throw (failure as { error: unknown }).error;
}
