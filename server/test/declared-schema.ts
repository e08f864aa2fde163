import path from 'node:path';
import ts from 'typescript';

/** What a column's TypeScript type in server/db/schema.ts says about the column. */
export interface DeclaredColumn {
  /** The families of the selected value, null aside: 'text' (string or string literals), 'number', 'blob'. */
  families: string[];
  nullable: boolean;
  /** Declared Generated<…>: the database fills it in (auto-increment or a default). */
  generated: boolean;
}

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../db/schema.ts');

/**
 * Reads the tables of `interface Database` in schema.ts with the TypeScript checker, so the file stays
 * hand-written: aliases, imported unions of string literals ('draft' | 'submitted'), Generated<…> and
 * ColumnType<…> all resolve to the type a select returns.
 */
export function readDeclaredSchema(file = SCHEMA_FILE): Map<string, Map<string, DeclaredColumn>> {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error(`${file} has no interface Database`);

  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(database))) {
    const rowType = checker.getTypeOfSymbolAtLocation(table, database);
    const columns = new Map<string, DeclaredColumn>();
    for (const column of checker.getPropertiesOfType(rowType)) {
      columns.set(column.name, describeColumn(checker, checker.getTypeOfSymbolAtLocation(column, database)));
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function describeColumn(checker: ts.TypeChecker, type: ts.Type): DeclaredColumn {
  // Kysely's ColumnType<S, I, U> (and Generated<T>, one of them) is an object with __select__: S.
  const select = type.getProperty('__select__');
  const generated = select !== undefined && type.getProperty('__insert__') !== undefined;
  const selected = select ? checker.getTypeOfSymbol(select) : type;
  const members = selected.isUnion() ? selected.types : [selected];
  const families = new Set<string>();
  let nullable = false;
  for (const m of members) {
    if (m.flags & ts.TypeFlags.Null) nullable = true;
    else if (m.flags & ts.TypeFlags.StringLike) families.add('text');
    else if (m.flags & ts.TypeFlags.NumberLike) families.add('number');
    else if (['Buffer', 'Uint8Array'].includes(m.getSymbol()?.name ?? '')) families.add('blob');
    else families.add(checker.typeToString(m));
  }
  return { families: [...families].sort(), nullable, generated };
}
