import { CompiledQuery, SelectQueryNode, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult } from 'kysely';
import { setImmediate } from 'node:timers';

/*
 * Group commit for the embedded SQLite file. With synchronous=FULL every COMMIT waits for the disk
 * (an fsync), and SQLite has one writer: under concurrent requests each transaction paid its own
 * fsync. Here a transaction's COMMIT is deferred to the end of the event loop's turn (setImmediate):
 * requests that arrived meanwhile run their transactions inside the same SQLite transaction, each
 * behind a savepoint, and the group commits together, with one fsync. A transaction is acknowledged
 * (its commit resolves) only after that COMMIT returns, so an acknowledged write is as durable as
 * before. A transaction that fails rolls back to its savepoint and leaves the others' work alone; a
 * COMMIT that fails fails every transaction of its group. Outside a transaction, a statement that
 * writes commits the group first; one that reads runs at once but its rows are handed over only
 * once the group is committed, so nothing is ever seen before it is durable.
 */

/** The part of a better-sqlite3 handle used here. */
export interface SqliteHandle {
  prepare(sql: string): { reader: boolean; all(params: readonly unknown[]): unknown[]; run(params: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint }; iterate(params: readonly unknown[]): IterableIterator<unknown> };
  close(): void;
  readonly inTransaction: boolean;
}

/** A group commits at once when it holds this many transactions and reads… */
const MAX_GROUP_SIZE = 64;
/** …or when its first transaction has waited this long (ms): no acknowledgement waits on a queue that never empties. */
const MAX_GROUP_AGE_MS = 20;

const SAVEPOINT = 'group_member';

interface Deferred {
  resolve(): void;
  reject(error: unknown): void;
}

type Rows = QueryResult<unknown>;

interface Group {
  openedAt: number;
  members: Deferred[];
}

/** The connection as one holder of the mutex sees it; a new one per acquisition. */
class HeldConnection implements DatabaseConnection {
  /** In a transaction begun on this holding and not yet committed or rolled back. */
  inTransaction = false;
  /** The transaction joined an open group (behind a savepoint) rather than beginning one. */
  member = false;
  /** The mutex was passed on at commit: later calls of this holding must not touch it. */
  handedOver = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.run(this, compiled) as Promise<QueryResult<R>>;
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams only select queries');
    for (const row of this.driver.iterate(this, compiled)) yield { rows: [row as R] };
  }
}

class GroupCommitDriver implements Driver {
  #locked = false;
  readonly #waiting: Array<() => void> = [];
  #group: Group | null = null;
  #commitScheduled = false;

  constructor(
    private readonly db: SqliteHandle,
    /** Told of every COMMIT run (with its duration in ms), as Kysely's log is told of statements. */
    private readonly onCommit?: (ms: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#locked) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#locked = true;
    return new HeldConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const held = connection as HeldConnection;
    held.inTransaction = true;
    held.member = this.#group !== null;
    if (!held.member) this.#group = { openedAt: this.now(), members: [] };
    await connection.executeQuery(CompiledQuery.raw(held.member ? `savepoint ${SAVEPOINT}` : 'begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const held = connection as HeldConnection;
    if (held.member) await connection.executeQuery(CompiledQuery.raw(`release savepoint ${SAVEPOINT}`));
    held.inTransaction = false;
    return this.#join(held);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const held = connection as HeldConnection;
    // Already settled: its group committed, or failed and rolled back as a whole.
    if (held.handedOver || !held.inTransaction) return;
    if (held.member) {
      // Still in its transaction while these run (a statement outside one would commit the group).
      await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${SAVEPOINT}`));
      await connection.executeQuery(CompiledQuery.raw(`release savepoint ${SAVEPOINT}`));
      held.inTransaction = false;
    } else {
      held.inTransaction = false;
      // The group's first transaction: nobody joined it yet (others join only after it commits).
      this.#group = null;
      if (this.db.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if ((connection as HeldConnection).handedOver) return;
    if (this.#group) this.#scheduleCommit();
    this.#unlock();
  }

  async destroy(): Promise<void> {
    if (this.#group) this.#commitGroup();
    this.db.close();
  }

  /**
   * Run one statement for `held`. Outside a transaction, with a group open: a write commits the
   * group first; a read runs now and its rows are handed over when the group commits.
   */
  run(held: HeldConnection, compiled: CompiledQuery): Promise<Rows> {
    if (held.handedOver) return Promise.reject(new Error('this connection was handed over to the next transaction'));
    let result: Rows;
    let reads = false;
    try {
      const statement = this.db.prepare(compiled.sql);
      reads = statement.reader;
      if (this.#group && !held.inTransaction && !reads) this.#commitGroup();
      if (reads) {
        result = { rows: statement.all(compiled.parameters) };
      } else {
        const { changes, lastInsertRowid } = statement.run(compiled.parameters);
        result = { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
      }
    } catch (error) {
      return Promise.reject(error);
    }
    if (!this.#group || held.inTransaction) return Promise.resolve(result);
    // A read that saw the group's work: handed over with the group's COMMIT.
    return this.#join(held).then(() => result);
  }

  iterate(held: HeldConnection, compiled: CompiledQuery): IterableIterator<unknown> {
    if (this.#group && !held.inTransaction) this.#commitGroup();
    return this.db.prepare(compiled.sql).iterate(compiled.parameters);
  }

  /** COMMIT the open group and settle its members. */
  #commitGroup(): void {
    const group = this.#group!;
    this.#group = null;
    try {
      // SQLite rolls a transaction back by itself on some errors (a full disk, for one).
      if (!this.db.inTransaction) throw new Error('the database rolled the transaction back');
      const started = this.now();
      this.db.prepare('commit').run([]);
      // Kysely logs the statements it runs; this one runs here, so it is logged here.
      this.onCommit?.(this.now() - started);
      if (this.db.inTransaction) throw new Error('the transaction could not be committed');
    } catch (error) {
      if (this.db.inTransaction) this.db.prepare('rollback').run([]);
      for (const m of group.members) m.reject(error);
      return;
    }
    for (const m of group.members) m.resolve();
  }

  /**
   * Add `held` to the open group; resolves when the group is committed. A full group commits now,
   * while `held` still has the connection (Kysely releases it after); otherwise the connection is
   * passed on and the group commits at the end of this turn of the event loop.
   */
  #join(held: HeldConnection): Promise<void> {
    const group = this.#group!;
    const durable = new Promise<void>((resolve, reject) => group.members.push({ resolve, reject }));
    if (this.#full()) {
      this.#commitGroup();
    } else {
      held.handedOver = true;
      this.#unlock();
      this.#scheduleCommit();
    }
    return durable;
  }

  #full(): boolean {
    const group = this.#group;
    return group !== null && (group.members.length >= MAX_GROUP_SIZE || this.now() - group.openedAt >= MAX_GROUP_AGE_MS);
  }

  /**
   * Commit the open group at the end of this turn of the event loop, when the connection is free
   * (Node's own setImmediate, which tests' fake timers leave alone).
   */
  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    setImmediate(() => {
      this.#commitScheduled = false;
      // Held: its holder schedules again when it lets go.
      if (!this.#group || this.#locked) return;
      this.#locked = true;
      this.#commitGroup();
      this.#unlock();
    });
  }

  #unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#locked = false;
  }
}

/** Kysely's SQLite dialect with the group-commit driver. */
export class GroupCommitSqliteDialect implements Dialect {
  constructor(
    private readonly db: SqliteHandle,
    private readonly onCommit?: (ms: number) => void,
  ) {}
  createDriver(): Driver {
    return new GroupCommitDriver(this.db, this.onCommit);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
