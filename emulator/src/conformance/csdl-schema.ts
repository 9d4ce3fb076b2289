// A small reader of Microsoft Graph's CSDL (the `microsoft.graph` schema of v1.0-Prod.csdl): entity, complex and enum
// types with base types, and a validator that checks a JSON value against a type — property names (incl. inherited),
// JSON types (Edm.String → string|null, Edm.Boolean → boolean, collections → arrays, complex → objects recursively),
// enum members and `Nullable="false"`. Annotations (`@odata.*`, `members@delta`, `@removed`) are allowed anywhere.

export interface CsdlProperty {
  type: string;
  nullable: boolean;
}

export interface CsdlType {
  name: string;
  kind: 'entity' | 'complex' | 'enum';
  baseType: string | null;
  openType: boolean;
  properties: Map<string, CsdlProperty>;
  members: Set<string>;
}

const attrs = (source: string): Record<string, string> =>
  Object.fromEntries([...source.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** `graph.team` / `microsoft.graph.team` → `team`. */
export function localName(type: string): string {
  return type.replace(/^(microsoft\.graph|graph)\./, '');
}

export function parseCsdl(xml: string): Map<string, CsdlType> {
  const start = xml.indexOf('<Schema Namespace="microsoft.graph"');
  const end = xml.indexOf('</Schema>', start);
  const schema = xml.slice(start, end);
  const types = new Map<string, CsdlType>();
  const open = /<(EntityType|ComplexType|EnumType)\b([^>]*?)(\/?)>/g;
  for (let m = open.exec(schema); m; m = open.exec(schema)) {
    const [, tag, attrSource = '', selfClosing] = m;
    const a = attrs(attrSource);
    const bodyEnd = selfClosing ? m.index : schema.indexOf(`</${tag}>`, m.index);
    const body = selfClosing ? '' : schema.slice(m.index, bodyEnd);
    const type: CsdlType = {
      name: a.Name ?? '',
      kind: tag === 'EntityType' ? 'entity' : tag === 'ComplexType' ? 'complex' : 'enum',
      baseType: a.BaseType ? localName(a.BaseType) : null,
      openType: a.OpenType === 'true',
      properties: new Map(),
      members: new Set(),
    };
    for (const p of body.matchAll(/<(?:Property|NavigationProperty)\s+([^>]*?)\/?>/g)) {
      const pa = attrs(p[1] ?? '');
      if (pa.Name && pa.Type) type.properties.set(pa.Name, { type: pa.Type, nullable: pa.Nullable !== 'false' });
    }
    for (const member of body.matchAll(/<Member\s+Name="([^"]+)"/g)) type.members.add(member[1] ?? '');
    types.set(type.name, type);
  }
  return types;
}

const STRING_TYPES = new Set([
  'Edm.String',
  'Edm.DateTimeOffset',
  'Edm.Date',
  'Edm.TimeOfDay',
  'Edm.Duration',
  'Edm.Guid',
  'Edm.Binary',
]);
const NUMBER_TYPES = new Set([
  'Edm.Int16',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.Byte',
  'Edm.SByte',
  'Edm.Double',
  'Edm.Single',
  'Edm.Decimal',
]);

export class CsdlValidator {
  constructor(private readonly types: Map<string, CsdlType>) {}

  type(name: string): CsdlType {
    const t = this.types.get(localName(name));
    if (!t) throw new Error(`CSDL has no type '${name}'`);
    return t;
  }

  private chain(name: string): CsdlType[] {
    const out: CsdlType[] = [];
    for (let t: CsdlType | undefined = this.type(name); t; t = t.baseType ? this.types.get(t.baseType) : undefined)
      out.push(t);
    return out;
  }

  private derivesFrom(name: string, base: string): boolean {
    return this.chain(name).some((t) => t.name === localName(base));
  }

  private property(typeName: string, prop: string): CsdlProperty | undefined {
    for (const t of this.chain(typeName)) {
      const p = t.properties.get(prop);
      if (p) return p;
    }
    return undefined;
  }

  /** Every problem of `value` as an instance of `typeName`, each with its JSON path. */
  validate(value: unknown, typeName: string, path = '$'): string[] {
    const errors: string[] = [];
    this.check(value, typeName, path, errors);
    return errors;
  }

  private check(value: unknown, typeName: string, path: string, errors: string[]): void {
    const collection = /^Collection\((.+)\)$/.exec(typeName);
    if (collection) {
      if (!Array.isArray(value)) errors.push(`${path}: expected an array for ${typeName}`);
      else
        value.forEach((item, i) => {
          this.check(item, collection[1] ?? '', `${path}[${i}]`, errors);
        });
      return;
    }
    if (value === null) return;
    if (typeName === 'Edm.Untyped') return;
    if (STRING_TYPES.has(typeName)) {
      if (typeof value !== 'string')
        errors.push(`${path}: expected a string (${typeName}), got ${JSON.stringify(value)}`);
      return;
    }
    if (typeName === 'Edm.Boolean') {
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
      return;
    }
    if (NUMBER_TYPES.has(typeName)) {
      if (typeof value !== 'number')
        errors.push(`${path}: expected a number (${typeName}), got ${JSON.stringify(value)}`);
      return;
    }
    const declared = this.type(typeName);
    if (declared.kind === 'enum') {
      const ok = typeof value === 'string' && value.split(',').every((v) => declared.members.has(v.trim()));
      if (!ok) errors.push(`${path}: ${JSON.stringify(value)} is not a member of enum ${declared.name}`);
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      errors.push(`${path}: expected an object of type ${declared.name}, got ${JSON.stringify(value)}`);
      return;
    }
    const record = value as Record<string, unknown>;
    let actual = declared.name;
    const odataType = record['@odata.type'];
    if (typeof odataType === 'string') {
      actual = localName(odataType.replace(/^#/, ''));
      if (!this.types.has(actual)) errors.push(`${path}: @odata.type ${odataType} is not in the CSDL`);
      else if (!this.derivesFrom(actual, declared.name))
        errors.push(`${path}: ${actual} does not derive from ${declared.name}`);
      if (!this.types.has(actual)) return;
    }
    const open = this.chain(actual).some((t) => t.kind === 'complex' && t.openType);
    for (const [key, v] of Object.entries(record)) {
      if (key.includes('@')) continue; // instance annotations: @odata.*, members@delta, @removed …
      const prop = this.property(actual, key);
      if (!prop) {
        if (!open) errors.push(`${path}.${key}: no property '${key}' on ${actual} (or its base types)`);
        continue;
      }
      if (v === null && !prop.nullable && !/^Collection\(/.test(prop.type))
        errors.push(`${path}.${key}: null, but ${actual}.${key} is not nullable`);
      this.check(v, prop.type, `${path}.${key}`, errors);
    }
  }
}
