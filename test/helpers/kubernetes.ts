// deploy/kubernetes/ for the tests: the manifests a kustomization lists, and each one held to the Kubernetes
// API's own schemas (kubernetes-models, generated from the API's OpenAPI definitions).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; [k: string]: unknown };

const MODELS: Record<string, { new (data: never): { validate(): void } }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** The Kubernetes API schema's complaint about a manifest, or undefined when it is valid. */
export function schemaProblem(m: Manifest): string | undefined {
  const Model = MODELS[`${m.apiVersion}/${m.kind}`];
  if (!Model) return `no schema here for ${m.apiVersion} ${m.kind}`;
  try {
    new Model(m as never).validate();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The kustomization in `dir` and the manifests it lists, as [file, manifest]. */
export function kustomize(dir: string): { resources: string[]; manifests: Array<readonly [string, Manifest]> } {
  const read = (file: string) => parse(readFileSync(join(dir, file), 'utf8')) as Manifest;
  const { resources } = read('kustomization.yaml') as unknown as { resources: string[] };
  return { resources, manifests: resources.map((f) => [f, read(f)] as const) };
}
