import { setTimeout as sleep } from 'node:timers/promises';
import type { TopologyReader, TopologySink } from '../domain/topology';
import { ProjectionBuilder, type GraphProjection } from './graph-projection';
import { carryPlacements, toPlacements } from './placements';
import type { ProjectionExtras } from './projected-thinking-reader';
import { runLayoutInWorker, type LayoutRun } from './run-layout';
import { timeSlices } from './time-slices';

export interface ProjectionSettings {
  /** How often to ask Neo4j for the graph version: the bound on seeing another instance's write. */
  readonly pollMs: number;
  /** Past this many edges the graph is not projected and the Cypher path serves (the memory budget). */
  readonly maxEdges: number;
  /** Compute one layout of the whole graph per version (in a worker thread). */
  readonly layout: boolean;
}

export interface ProjectionSnapshot {
  readonly graph: GraphProjection;
  readonly extras: ProjectionExtras;
}

export interface ProjectionStatus {
  /** Which path answers the thinking queries now. */
  readonly mode: 'projection' | 'cypher';
  readonly version: number | null;
  readonly latestVersion: number | null;
  readonly nodes: number;
  readonly edges: number;
  readonly approximateBytes: number;
  readonly lastBuildMs: number | null;
  /** The last catch-up from the change log (see graph-version.ts), when there was one. */
  readonly lastCatchUpMs: number | null;
  /** `ready`: this version's whole-graph layout places maps; `carried`: an older version's, extended, while this one's is computed. */
  readonly layout: 'ready' | 'carried' | 'computing' | 'off' | 'none';
  /** Why the projection does not serve, when it does not. */
  readonly reason: string | null;
}

export type ProjectionLog = (line: string, fields?: Record<string, unknown>) => void;

class OverBudgetError extends Error {}

/** Reads that did not see one version (a write committed during the read) are retried this often. */
const READ_ATTEMPTS = 3;

/**
 * A catch-up that met a write landing during its read tries again after a short wait, longer
 * each time: editors' writes come in bursts (an edit is often a few writes in a row), and a
 * catch-up that gave up would cost a whole read. At most 25 + 50 + 75 + 100 ms in all.
 */
const CATCH_UP_ATTEMPTS = 5;
const CATCH_UP_BACKOFF_MS = 25;

/**
 * A catch-up re-reads at most this many touched nodes, or this share of the graph if more;
 * past that, one whole read costs less than many small ones.
 */
const MIN_CHANGED_NODES = 1_000;
const CHANGED_SHARE = 0.05;

/** Building or catching up holds the event loop at most about this long at a time (time-slices.ts). */
const SLICE_MS = 10;

/**
 * Keeps the in-memory projection at the graph's newest version. A new snapshot is made in the
 * background and swapped in when complete: from the held one and the change log (the nodes the
 * writes since touched, read again) when every write since was logged, else by reading the
 * graph whole. So a request reads one immutable snapshot of one version; until the snapshot is
 * at the newest version this process knows of (after its own write, at once; another
 * instance's, within one poll), `serving()` is null and the Cypher path answers. Catch-ups
 * coalesce: however many writes land during one, one more follows.
 */
export class ProjectionManager {
  private current: ProjectionSnapshot | null = null;
  private latest: number | null = null;
  private building = false;
  private layingOut: GraphProjection | null = null;
  private layoutRun: LayoutRun | null = null;
  private lastBuildMs: number | null = null;
  private lastCatchUpMs: number | null = null;
  private reason: string | null = 'not built yet';
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly topology: TopologyReader,
    private readonly settings: ProjectionSettings,
    private readonly log: ProjectionLog = () => {},
  ) {}

  /** Polls the version and builds the first projection in the background. */
  start(): void {
    const poll = (): void => {
      this.topology.readVersion().then(
        (version) => this.noteVersion(version),
        () => {}, // Neo4j unreachable: the Cypher path reports it; try again next poll.
      );
    };
    poll();
    this.timer = setInterval(poll, this.settings.pollMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.layoutRun?.stop();
  }

  /** A version exists (a write this process committed, or a poll saw one): catch up to it. */
  noteVersion(version: number): void {
    if (this.latest === null || version > this.latest) this.latest = version;
    if (this.current?.graph.version !== this.latest) void this.catchUp();
  }

  /** The snapshot that may answer now: only one at the newest version known, else null. */
  serving(): ProjectionSnapshot | null {
    return this.current !== null && this.current.graph.version === this.latest ? this.current : null;
  }

  /**
   * Resolves once a snapshot serves and, unless `layout` is false, its layout (when on) is
   * ready; for tests and benchmarks.
   */
  whenReady(layout = true): Promise<void> {
    const ready = (): boolean => (layout ? this.isReady() : this.serving() !== null);
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (ready()) resolve();
        else this.waiters.add(check);
      };
      this.waiters.add(check);
    });
  }

  status(): ProjectionStatus {
    const graph = this.current?.graph ?? null;
    const serving = this.serving() !== null;
    return {
      mode: serving ? 'projection' : 'cypher',
      version: graph?.version ?? null,
      latestVersion: this.latest,
      nodes: graph?.nodeCount ?? 0,
      edges: graph?.edgeCount ?? 0,
      approximateBytes: graph?.approximateBytes() ?? 0,
      lastBuildMs: this.lastBuildMs,
      lastCatchUpMs: this.lastCatchUpMs,
      layout: this.layoutState(),
      reason: serving ? null : (this.reason ?? 'catching up with a newer version'),
    };
  }

  private layoutState(): ProjectionStatus['layout'] {
    if (!this.settings.layout) return 'off';
    if (this.current && ownLayout(this.current)) return 'ready';
    if (this.current?.extras.placements) return 'carried';
    return this.layingOut ? 'computing' : 'none';
  }

  private isReady(): boolean {
    const snapshot = this.serving();
    return snapshot !== null && (!this.settings.layout || ownLayout(snapshot));
  }

  private wake(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const check of waiters) check();
  }

  private async catchUp(): Promise<void> {
    if (this.building || this.stopped || this.reason?.startsWith('over budget')) return;
    this.building = true;
    try {
      while (!this.stopped && this.current?.graph.version !== this.latest) {
        const held = this.current;
        const caughtUp = held && (await this.applyChanges(held.graph));
        const graph = caughtUp ?? (await this.build());
        if (graph === null) break;
        // After a catch-up, maps keep the held layout (extended to new nodes) until this version's lands.
        const extras: ProjectionExtras =
          caughtUp && held.extras.placements
            ? {
                placements: await carryPlacements(held.extras.placements, caughtUp, timeSlices(SLICE_MS)),
                layoutVersion: held.extras.layoutVersion ?? held.graph.version,
              }
            : { placements: null };
        this.current = { graph, extras };
        if (this.latest === null || graph.version > this.latest) this.latest = graph.version;
        this.reason = null;
        this.layOut();
        this.wake();
      }
    } catch (error) {
      this.reason = error instanceof OverBudgetError ? `over budget: ${error.message}` : 'the last build failed; retrying on the next poll';
      this.log(`Projection not built: ${this.reason}`, { err: error instanceof Error ? error.message : String(error) });
    } finally {
      this.building = false;
    }
  }

  /**
   * `held` caught up from the change log: the nodes the logged writes touched, read again and
   * applied; null when the log cannot say (an unlogged write, too far behind, too many changes,
   * or writes landing during every read), and the graph is read whole instead.
   */
  private async applyChanges(held: GraphProjection): Promise<GraphProjection | null> {
    const started = Date.now();
    const maxNodes = Math.max(MIN_CHANGED_NODES, Math.floor(held.nodeCount * CHANGED_SHARE));
    for (let attempt = 0; attempt < CATCH_UP_ATTEMPTS; attempt++) {
      if (attempt > 0) await sleep(CATCH_UP_BACKOFF_MS * attempt);
      const changes = await this.topology.readChanges(held.version, maxNodes);
      if (changes.kind === 'unlogged') {
        this.log(`Projection reads the graph whole: the change log does not cover every write since version ${held.version}.`);
        return null;
      }
      if (changes.kind === 'moving') continue;
      const read = Date.now();
      const graph = await held.withChanges(changes.version, changes.touched, changes.rows, timeSlices(SLICE_MS));
      if (graph.edgeCount > this.settings.maxEdges) throw new OverBudgetError(`the graph has more than ${this.settings.maxEdges} edges (PROJECTION_MAX_EDGES)`);
      this.lastCatchUpMs = Date.now() - started;
      this.log(`Projection caught up from version ${held.version} to ${graph.version}: ${changes.touched.length} nodes changed, in ${this.lastCatchUpMs} ms.`, {
        nodes: graph.nodeCount,
        edges: graph.edgeCount,
        readMs: read - started,
        appliedMs: Date.now() - read,
      });
      return graph;
    }
    this.log(`Projection reads the graph whole: writes landed during each of ${CATCH_UP_ATTEMPTS} catch-up reads.`);
    return null;
  }

  /** One whole read at one version; null when writes kept landing during every attempt. */
  private async build(): Promise<GraphProjection | null> {
    const started = Date.now();
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const builder = new ProjectionBuilder();
      const version = await this.topology.readTopology(this.budgeted(builder), ({ nodes, edges }) =>
        this.log(`Building the projection: ${nodes} nodes, ${edges} edges read...`),
      );
      if (version !== null) {
        const graph = await builder.build(version, timeSlices(SLICE_MS));
        this.lastBuildMs = Date.now() - started;
        this.log(`Projection at version ${graph.version}: ${graph.nodeCount} nodes, ${graph.edgeCount} edges, built in ${this.lastBuildMs} ms.`);
        return graph;
      }
    }
    this.reason = 'writes landed during every read; retrying on the next poll';
    return null;
  }

  private budgeted(builder: ProjectionBuilder): TopologySink {
    let edges = 0;
    const max = this.settings.maxEdges;
    return {
      addNode: (...args) => builder.addNode(...args),
      addEdge: (...args) => {
        if (++edges > max) throw new OverBudgetError(`the graph has more than ${max} edges (PROJECTION_MAX_EDGES)`);
        builder.addEdge(...args);
      },
    };
  }

  /** Lays out the newest snapshot in a worker; one at a time, always the newest next. */
  private layOut(): void {
    const snapshot = this.current;
    if (!this.settings.layout || this.stopped || this.layingOut || snapshot === null) return;
    const graph = snapshot.graph;
    this.layingOut = graph;
    const started = Date.now();
    this.layoutRun = runLayoutInWorker({ ids: graph.ids, source: graph.source, target: graph.target, weight: graph.weight });
    this.layoutRun.result
      .then(async (layout) => {
        const placements = await toPlacements(graph, layout, timeSlices(SLICE_MS));
        snapshot.extras.placements = placements;
        snapshot.extras.layoutVersion = graph.version;
        // A newer snapshot caught up meanwhile: it takes this layout, carried, over an older one.
        const newest = this.current;
        if (newest && newest !== snapshot && (newest.extras.layoutVersion ?? -1) < graph.version) {
          newest.extras.placements = await carryPlacements(placements, newest.graph, timeSlices(SLICE_MS));
          newest.extras.layoutVersion = graph.version;
        }
        this.log(`Layout of version ${graph.version} ready in ${Date.now() - started} ms.`);
      })
      .catch((error: unknown) => {
        if (!this.stopped) this.log('The layout failed; maps are laid out per request.', { err: String(error) });
      })
      .finally(() => {
        this.layingOut = null;
        this.layoutRun = null;
        this.wake();
        if (this.current !== snapshot && !this.stopped) this.layOut();
      });
  }
}

/** Whether the snapshot's maps are placed by its own version's layout. */
function ownLayout(snapshot: ProjectionSnapshot): boolean {
  return snapshot.extras.placements !== null && (snapshot.extras.layoutVersion ?? snapshot.graph.version) === snapshot.graph.version;
}
