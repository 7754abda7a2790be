import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** Any Kubernetes object, as far as every kind shares it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

interface ConfigMapGenerator {
  name: string;
  behavior?: 'create' | 'merge' | 'replace';
  envs?: string[];
  literals?: string[];
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  configMapGenerator?: ConfigMapGenerator[];
  replicas?: { name: string; count: number }[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
}

/** What this resolver does; anything else in a kustomization.yaml is refused rather than silently ignored. */
const UNDERSTOOD = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'configMapGenerator', 'replicas', 'images']);

export interface ConfigMapObject extends K8sObject {
  kind: 'ConfigMap';
  data: Record<string, string>;
}

interface PodTemplateHolder extends K8sObject {
  spec: { replicas?: number; template: { spec: { containers: { image: string }[] } } };
}

/** KEY=VALUE lines, as kustomize reads an `envs` file: blank lines and # comments skipped. */
function envFile(path: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at < 1) throw new Error(`${path}: "${line}" is not KEY=VALUE`);
    data[line.slice(0, at)] = line.slice(at + 1);
  }
  return data;
}

function literal(entry: string): [string, string] {
  const at = entry.indexOf('=');
  if (at < 1) throw new Error(`configMapGenerator literal "${entry}" is not KEY=VALUE`);
  return [entry.slice(0, at), entry.slice(at + 1)];
}

/** The image's name without its tag or digest: "registry:5000/app:1.2" -> "registry:5000/app". */
export function imageName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^:/]+$/, '');
}

/**
 * `kubectl kustomize <dir>`, for the parts of kustomize these manifests use, so the checks run where
 * kubectl does not. One difference on purpose: generated ConfigMaps keep their names (kustomize adds a
 * hash of the content to the name and to every reference, which changes nothing these checks read).
 */
export function kustomize(dir: string): K8sObject[] {
  const file = join(dir, 'kustomization.yaml');
  const k = parse(readFileSync(file, 'utf8')) as Kustomization & Record<string, unknown>;
  for (const key of Object.keys(k))
    if (!UNDERSTOOD.has(key)) throw new Error(`${file}: "${key}" is not understood by test/support/kustomize.ts: teach it first`);

  const objects: K8sObject[] = [];
  for (const resource of k.resources ?? []) {
    const path = join(dir, resource);
    if (!existsSync(path)) throw new Error(`${file}: resource ${resource} does not exist`);
    if (statSync(path).isDirectory()) objects.push(...kustomize(path));
    else
      for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
        if (doc.errors.length) throw new Error(`${path}: ${doc.errors[0].message}`);
        const object = doc.toJS() as K8sObject | null;
        if (object) objects.push(object);
      }
  }

  for (const generator of k.configMapGenerator ?? []) {
    const data: Record<string, string> = {};
    for (const env of generator.envs ?? []) Object.assign(data, envFile(join(dir, env)));
    for (const entry of generator.literals ?? []) Object.assign(data, Object.fromEntries([literal(entry)]));
    const existing = objects.find((o): o is ConfigMapObject => o.kind === 'ConfigMap' && o.metadata.name === generator.name);
    const behavior = generator.behavior ?? 'create';
    if (behavior === 'create') {
      if (existing) throw new Error(`${file}: ConfigMap ${generator.name} already exists (use behavior: merge or replace)`);
      objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data } as ConfigMapObject);
    } else {
      if (!existing) throw new Error(`${file}: ConfigMap ${generator.name} to ${behavior} does not exist`);
      existing.data = behavior === 'merge' ? { ...existing.data, ...data } : data;
    }
  }

  for (const { name, count } of k.replicas ?? []) {
    const target = objects.find((o): o is PodTemplateHolder => o.kind === 'Deployment' && o.metadata.name === name);
    if (!target) throw new Error(`${file}: replicas for ${name}, which is not a Deployment here`);
    target.spec.replicas = count;
  }

  for (const { name, newName, newTag, digest } of k.images ?? [])
    for (const o of objects.filter((o): o is PodTemplateHolder => o.kind === 'Deployment'))
      for (const container of o.spec.template.spec.containers) {
        if (imageName(container.image) !== name) continue;
        const tag = digest ? `@${digest}` : newTag ? `:${newTag}` : container.image.slice(imageName(container.image).length);
        container.image = `${newName ?? name}${tag}`;
      }

  if (k.namespace) for (const o of objects) if (o.kind !== 'Namespace') o.metadata.namespace = k.namespace;

  const seen = new Set<string>();
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (seen.has(id)) throw new Error(`${file}: ${id} is defined twice`);
    seen.add(id);
  }
  return objects;
}
