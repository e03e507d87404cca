import type { Typed } from '@phattana/shared';
import type { EffectHandler, TaskIo, TurnFeature } from './turn-feature';

// biome-ignore lint/suspicious/noExplicitAny: a list holds adapters of different types
export type AnyTurnFeature = TurnFeature<any, any, any, any, any>;

/** The tasks a list of adapters may queue. */
export type TaskOf<F> = F extends { tasksFor?(effect: never): readonly (infer T)[] } ? T : never;
/** The effect and lookup types a list of adapters handles (for a compile-time completeness check). */
export type EffectTypeOf<F> = F extends { readonly effects?: infer M } ? keyof NonNullable<M> : never;
export type LookupTypeOf<F> = F extends { readonly lookups?: infer M } ? keyof NonNullable<M> : never;

type Handler = (x: Typed, io: unknown) => Promise<unknown>;

/**
 * The adapters indexed by what they handle. Each effect, lookup and task type belongs to exactly one
 * adapter: a second claim is a wiring mistake and fails at start-up, not in a turn.
 */
export function indexTurnFeatures<F extends AnyTurnFeature>(features: readonly F[]) {
  const lookups = new Map<string, { feature: AnyTurnFeature; run: Handler }>();
  const effects = new Map<string, { feature: AnyTurnFeature; handler: EffectHandler<Typed, unknown> }>();
  const tasks = new Map<string, (task: Typed, io: TaskIo) => Promise<void>>();
  const claim = <V>(map: Map<string, V>, kind: string, type: string, feature: AnyTurnFeature, v: V) => {
    if (map.has(type) || type === 'push') throw new Error(`${kind} ${type} claimed twice (${feature.id})`);
    map.set(type, v);
  };
  for (const f of features) {
    for (const [type, run] of Object.entries(f.lookups ?? {}))
      claim(lookups, 'lookup', type, f, { feature: f, run: run as Handler });
    for (const [type, handler] of Object.entries(f.effects ?? {}))
      claim(effects, 'effect', type, f, { feature: f, handler: handler as EffectHandler<Typed, unknown> });
    for (const [type, run] of Object.entries(f.tasks ?? {}))
      claim(tasks, 'task', type, f, run as (task: Typed, io: TaskIo) => Promise<void>);
  }
  const effectOf = (type: string) => {
    const e = effects.get(type);
    if (!e) throw new Error(`no adapter writes effect ${type}`);
    return e;
  };
  return {
    lookupOf(type: string) {
      const l = lookups.get(type);
      if (!l) throw new Error(`no adapter answers lookup ${type}`);
      return l;
    },
    effectOf,
    /** an optimistic batch may carry these effects: blind writes, conditioned on the conversation only */
    batchable: (e: Typed) => effects.get(e.type)?.handler.batchable === true,
    /** slow work the effects ask for, to queue after the commit */
    tasksFor: (list: readonly Typed[]): TaskOf<F>[] =>
      list.flatMap((e) => [...(effectOf(e.type).feature.tasksFor?.(e) ?? [])]),
    taskOf: (type: string) => tasks.get(type),
  };
}

export type TurnFeatureIndex = ReturnType<typeof indexTurnFeatures<AnyTurnFeature>>;
