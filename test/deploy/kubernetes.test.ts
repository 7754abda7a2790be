import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildSchema } from 'graphql';
import { parse, parseAllDocuments } from 'yaml';
import { gatewayConfigFromEnv, subgraphUrlsFromEnv } from '../../gateway/config';
import { AGENCIES, envName, type AgencyDefinition } from '../../kit/shared/agencies';
import { serveGraphQL } from '../../kit/shared/http';
import { generateSigningKeyPair, type KeyPairJwk } from '../../kit/shared/keys';
import { createLogger } from '../../kit/shared/logger';
import { ProcessMetrics } from '../../kit/shared/observability/metrics';
import { REPO_ROOT } from '../../kit/shared/paths';
import { agencyConfigFromEnv, auditConfigFromEnv, databaseForAgency } from '../../kit/subgraph/config';
import { imageName, kustomize, type ConfigMapObject, type K8sObject } from '../support/kustomize';

/** No cluster here: the manifests are checked against the code that reads the environment and serves the probes. */

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: unknown[];
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } };
}
interface Probe {
  httpGet?: { path: string; port: number | string };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: EnvVar[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    runAsNonRoot?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
  };
}
interface Volume {
  name: string;
  secret?: { secretName: string; defaultMode?: number };
  emptyDir?: object;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
}
interface PodSpec {
  containers: Container[];
  volumes?: Volume[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  terminationGracePeriodSeconds?: number;
  automountServiceAccountToken?: boolean;
  enableServiceLinks?: boolean;
}
interface Deployment extends K8sObject {
  kind: 'Deployment';
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
  };
}
interface Service extends K8sObject {
  kind: 'Service';
  spec: { selector: Record<string, string>; ports: { name?: string; port: number; targetPort?: number | string; protocol?: string }[] };
}
interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string };
}
interface PolicyPort {
  protocol?: string;
  port?: number | string;
}
interface NetworkPolicy extends K8sObject {
  kind: 'NetworkPolicy';
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: { from?: PolicyPeer[]; ports?: PolicyPort[] }[];
    egress?: { to?: PolicyPeer[]; ports?: PolicyPort[] }[];
  };
}
interface PersistentVolumeClaim extends K8sObject {
  kind: 'PersistentVolumeClaim';
  spec: { accessModes: string[]; resources: { requests: { storage: string } }; storageClassName?: string };
}
interface PodDisruptionBudget extends K8sObject {
  kind: 'PodDisruptionBudget';
  spec: { minAvailable?: number; selector: LabelSelector };
}

const KUBERNETES = join(REPO_ROOT, 'deploy', 'kubernetes');
/** Every kustomization an operator may apply: the base and each overlay. */
const KUSTOMIZATIONS = readdirSync(KUBERNETES).filter((d) => existsSync(join(KUBERNETES, d, 'kustomization.yaml')));
/** Names that carry a secret: these come only as files from Secret objects (Redis's URL too: a managed one has a password). */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|_JWK$|DATABASE_URL$|REDIS_URL$|AUDIT_KEY$|AUDIT_PREVIOUS_KEYS$/;
/** A URL with a password in it: never in a manifest. */
const URL_WITH_PASSWORD = /:\/\/[^/\s:@]+:[^/\s@]+@/;
/** Where Prometheus runs: the one namespace let in to the metrics ports. */
const MONITORING_NAMESPACE = 'monitoring';
/** What the operator's identity-provider ConfigMap holds (it differs per deployment, so it is not in the repo). */
const EXTERNAL_CONFIG: Record<string, string> = {
  'identity-provider/issuer': 'https://idp.example.test',
  'identity-provider/audience': 'nwd-graph',
  'identity-provider/jwks-url': 'https://idp.example.test/jwks',
};

interface Process {
  name: string;
  agency?: AgencyDefinition;
  entry: string;
}
const PROCESSES: Process[] = [
  { name: 'gateway', entry: 'dist/gateway/main.js' },
  ...AGENCIES.map((agency) => ({ name: agency.name, agency, entry: `dist/subgraphs/${agency.name}/main.js` })),
];
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; command?: string[] }>;
};

function matches(selector: LabelSelector, labels: Record<string, string>): boolean {
  if (selector.matchExpressions?.length) throw new Error('matchExpressions: not understood by this test');
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** A port as a Service or policy may give it (number or the container port's name) -> its number. */
function portNumber(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number' || port === undefined) return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** Kubernetes quantities: "250m" CPU, "320Mi" memory -> numbers in one unit, to compare. */
function quantity(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|k|M|G)?$/.exec(value);
  if (!m) throw new Error(`cannot read quantity "${value}"`);
  const unit = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit;
}

/** Dummy content for each secret a manifest mounts, by the variable that reads it. */
function dummySecret(variable: string, process: string, keys: { gateway: KeyPairJwk; grants: KeyPairJwk }): string {
  const name = variable.replace(/_FILE$/, '');
  if (name === 'GATEWAY_PRIVATE_JWK') return JSON.stringify(keys.gateway.privateJwk);
  if (name === 'GATEWAY_PUBLIC_JWK') return JSON.stringify(keys.gateway.publicJwk);
  if (name === 'GRANT_PRIVATE_JWK') return JSON.stringify(keys.grants.privateJwk);
  if (name === 'GRANT_PUBLIC_JWK') return JSON.stringify(keys.grants.publicJwk);
  if (name.endsWith('DATABASE_URL')) return `postgres://${process}:dummy@${process}-db.example.test:5432/${process}\n`;
  if (name === 'REDIS_URL') return 'rediss://default:dummy@redis.example.test:6380\n';
  if (name.endsWith('AUDIT_KEY')) return `${Buffer.alloc(32, process).toString('base64')}\n`;
  throw new Error(`${process}: no dummy secret for ${variable}: add one to this test`);
}

describe.each(KUSTOMIZATIONS)('deploy/kubernetes/%s', (kustomization) => {
  const objects = kustomize(join(KUBERNETES, kustomization));
  const ofKind = <T extends K8sObject>(kind: string) => objects.filter((o): o is T => o.kind === kind);
  const deployments = ofKind<Deployment>('Deployment');
  const services = ofKind<Service>('Service');
  const policies = ofKind<NetworkPolicy>('NetworkPolicy');
  const configMaps = ofKind<ConfigMapObject>('ConfigMap');
  const deployment = (name: string) => {
    const found = deployments.find((d) => d.metadata.name === name);
    if (!found) throw new Error(`no Deployment ${name}`);
    return found;
  };
  const podLabels = (name: string) => deployment(name).spec.template.metadata.labels;
  const containerOf = (name: string) => deployment(name).spec.template.spec.containers[0];
  const httpPort = (name: string) => containerOf(name).ports?.find((p) => p.name === 'http')?.containerPort;
  const metricsPort = (name: string) => containerOf(name).ports?.find((p) => p.name === 'metrics')?.containerPort;

  let secretsDir: string;
  let keys: { gateway: KeyPairJwk; grants: KeyPairJwk };
  beforeAll(async () => {
    secretsDir = mkdtempSync(join(tmpdir(), 'nwd-k8s-secrets-'));
    keys = { gateway: await generateSigningKeyPair('g'), grants: await generateSigningKeyPair('s') };
  });
  afterAll(() => rmSync(secretsDir, { recursive: true, force: true }));

  /**
   * The environment a process's container starts with: its ConfigMaps, its env entries, the operator's
   * ConfigMap (dummy values), and each *_FILE pointing at a dummy secret where its Secret would be mounted.
   */
  function processEnv(name: string): NodeJS.ProcessEnv {
    const { spec } = deployment(name).spec.template;
    const container = spec.containers[0];
    const env: NodeJS.ProcessEnv = {};
    for (const source of container.envFrom ?? []) {
      if (source.secretRef) throw new Error(`${name}: Secret ${source.secretRef.name} as environment: mount it as files`);
      const cm = configMaps.find((c) => c.metadata.name === source.configMapRef?.name);
      if (!cm) throw new Error(`${name}: envFrom ConfigMap ${source.configMapRef?.name} is not in the kustomization`);
      Object.assign(env, cm.data);
    }
    for (const { name: variable, value, valueFrom } of container.env ?? []) {
      if (valueFrom?.secretKeyRef) throw new Error(`${name}: ${variable} from a Secret as environment: mount it as a file`);
      const ref = valueFrom?.configMapKeyRef;
      if (ref) {
        const cm = configMaps.find((c) => c.metadata.name === ref.name);
        const found = cm ? cm.data[ref.key] : EXTERNAL_CONFIG[`${ref.name}/${ref.key}`];
        if (found === undefined) throw new Error(`${name}: ${variable} reads ${ref.name}/${ref.key}, which nothing provides`);
        env[variable] = found;
      } else env[variable] = value;
    }
    for (const variable of Object.keys(env).filter((k) => k.endsWith('_FILE'))) {
      const path = env[variable]!;
      const mount = container.volumeMounts?.find((m) => path.startsWith(`${m.mountPath}/`));
      const volume = spec.volumes?.find((v) => v.name === mount?.name);
      if (!mount || !volume?.secret) throw new Error(`${name}: ${variable} (${path}) is not in a mounted Secret`);
      const local = join(secretsDir, kustomization, name, volume.name, relative(mount.mountPath, path));
      const content = dummySecret(variable, name, keys);
      if (existsSync(local) && readFileSync(local, 'utf8') !== content) throw new Error(`${name}: two kinds of secret at ${path}`);
      mkdirSync(dirname(local), { recursive: true });
      writeFileSync(local, content);
      env[variable] = local;
    }
    return env;
  }
  const configOf = (p: Process) =>
    p.agency ? agencyConfigFromEnv(p.agency, processEnv(p.name)) : gatewayConfigFromEnv(processEnv(p.name));

  it('has a Deployment and a Service for each process, and only the kinds these checks understand', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(PROCESSES.map((p) => p.name).sort());
    for (const p of PROCESSES) {
      const pods = podLabels(p.name);
      expect(matches(deployment(p.name).spec.selector, pods)).toBe(true);
      // Each Deployment's selector picks its own pods only.
      for (const other of PROCESSES.filter((o) => o !== p))
        expect(matches(deployment(p.name).spec.selector, podLabels(other.name))).toBe(false);
      expect(services.filter((s) => matches({ matchLabels: s.spec.selector }, pods)).map((s) => s.metadata.name)).toEqual([p.name]);
    }
    const kinds = new Set(objects.map((o) => o.kind));
    expect(
      [...kinds].filter(
        (k) =>
          !['Namespace', 'ConfigMap', 'Deployment', 'Service', 'NetworkPolicy', 'PodDisruptionBudget', 'PersistentVolumeClaim'].includes(k),
      ),
    ).toEqual([]);
    const namespaces = new Set(objects.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace));
    expect(namespaces.size).toBe(1);
    expect(ofKind('Namespace').map((n) => n.metadata.name)).toEqual([...namespaces]);
  });

  it.each(PROCESSES)("starts $name with the code's entry point, the one compose runs, from the one image", (p) => {
    const container = containerOf(p.name);
    expect(deployment(p.name).spec.template.spec.containers).toHaveLength(1);
    expect(container.command).toEqual(['node', p.entry]);
    expect(container.command).toEqual(compose.services[p.name].command);
    expect(existsSync(join(REPO_ROOT, p.entry))).toBe(true);
    const images = new Set(deployments.map((d) => d.spec.template.spec.containers[0].image));
    expect(images.size).toBe(1);
    // The base names the image compose builds; an overlay may rename it, for every process at once.
    if (kustomization === 'base') expect(imageName(container.image)).toBe(compose.services[p.name].image);
  });

  it.each(PROCESSES)('gives $name every setting the code requires, and listens where its container port, Service and probes say', (p) => {
    const config = configOf(p);
    expect(config.production).toBe(true);
    expect(config.host).toBe('0.0.0.0');
    const container = containerOf(p.name);
    expect(httpPort(p.name)).toBe(config.port);
    const service = services.find((s) => s.metadata.name === p.name)!;
    expect(service.spec.ports.map((sp) => portNumber(container, sp.targetPort ?? sp.port))).toEqual([config.port]);
    expect(portNumber(container, container.readinessProbe?.httpGet?.port)).toBe(config.port);
    expect(portNumber(container, container.livenessProbe?.httpGet?.port)).toBe(config.port);
    expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    if (container.startupProbe) {
      expect(portNumber(container, container.startupProbe.httpGet?.port)).toBe(config.port);
      expect(container.startupProbe.httpGet?.path).toBe('/health/live');
    }
    // Metrics on their own port, where the container, the scrape annotations and the process agree.
    expect(config.metricsPort).not.toBeNull();
    expect(metricsPort(p.name)).toBe(config.metricsPort);
    expect(config.metricsPort).not.toBe(config.port);
    const annotations = deployment(p.name).spec.template.metadata.annotations ?? {};
    expect([annotations['prometheus.io/scrape'], Number(annotations['prometheus.io/port'])]).toEqual(['true', config.metricsPort]);
    // Production refuses to start without Redis; here it comes from the process's Secret.
    expect(config.redisUrl).toBeDefined();
    if (p.agency) {
      const agencyConfig = agencyConfigFromEnv(p.agency, processEnv(p.name));
      expect(agencyConfig.seed).toBe(false);
      // Operator commands run in the container (audit-verify.js --agency, seed.js) reach the service's database.
      expect(databaseForAgency(p.agency, processEnv(p.name))).toBe(agencyConfig.database);
    }
  });

  it("points the gateway at each agency's Service, through the variables the gateway reads", () => {
    const config = gatewayConfigFromEnv(processEnv('gateway'));
    expect(Object.keys(config.subgraphUrls).sort()).toEqual(AGENCIES.map((a) => a.name).sort());
    expect(subgraphUrlsFromEnv(processEnv('gateway'))).toEqual(config.subgraphUrls);
    for (const agency of AGENCIES) {
      const url = new URL(config.subgraphUrls[agency.name]);
      expect([agency.name, url.pathname]).toEqual([agency.name, '/graphql']);
      const service = services.find((s) => s.metadata.name === url.hostname.split('.')[0]);
      expect(service && matches({ matchLabels: service.spec.selector }, podLabels(agency.name))).toBe(true);
      const servicePort = service!.spec.ports.find((sp) => sp.port === Number(url.port));
      expect(portNumber(containerOf(agency.name), servicePort?.targetPort ?? servicePort?.port)).toBe(httpPort(agency.name));
    }
  });

  it('keeps every secret out of the repository and the environment: Secret objects made by the operator, mounted as files', () => {
    expect(ofKind('Secret')).toEqual([]);
    for (const cm of configMaps) {
      expect([cm.metadata.name, Object.keys(cm.data).filter((k) => SECRET_NAME.test(k))]).toEqual([cm.metadata.name, []]);
      for (const value of Object.values(cm.data)) {
        expect(value).not.toMatch(/"d"\s*:/);
        expect(value).not.toMatch(URL_WITH_PASSWORD);
      }
    }
    const secretNames = new Set<string>();
    for (const p of PROCESSES) {
      const { spec } = deployment(p.name).spec.template;
      const container = spec.containers[0];
      const inline = (container.env ?? []).filter((e) => SECRET_NAME.test(e.name) || URL_WITH_PASSWORD.test(e.value ?? ''));
      expect([p.name, inline.map((e) => e.name)]).toEqual([p.name, []]);
      expect((container.envFrom ?? []).filter((e) => e.secretRef)).toEqual([]);
      expect((container.env ?? []).filter((e) => e.valueFrom?.secretKeyRef)).toEqual([]);
      // One Secret per process, its own, mounted read-only and unreadable to others on the node.
      const secrets = (spec.volumes ?? []).filter((v) => v.secret);
      expect(secrets.map((v) => v.secret!.secretName)).toEqual([`${p.name}-secrets`]);
      secretNames.add(secrets[0].secret!.secretName);
      const mount = container.volumeMounts?.find((m) => m.name === secrets[0].name);
      expect(mount?.readOnly).toBe(true);
      expect((secrets[0].secret!.defaultMode ?? 0o644) & 0o007).toBe(0);
    }
    expect(secretNames.size).toBe(PROCESSES.length);
    // Nothing under deploy/ looks like a private key or a URL with a password in it.
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    for (const file of files(KUBERNETES)) {
      const text = readFileSync(file, 'utf8');
      expect([file, /"d"\s*:\s*"/.test(text) || URL_WITH_PASSWORD.test(text)]).toEqual([file, false]);
    }
  });

  it.each(AGENCIES)(
    "signs $name's audit with the key in its own Secret, and anchors its chain on a claim of its own its replicas share",
    (agency) => {
      const env = processEnv(agency.name);
      const { audit } = agencyConfigFromEnv(agency, env);
      expect(audit.keyring.current.id).toMatch(/^[0-9a-f]{16}$/);
      const { spec } = deployment(agency.name).spec.template;
      const mount = spec.containers[0].volumeMounts?.find((m) => m.mountPath === audit.anchorFolder);
      expect(mount?.readOnly).toBeFalsy();
      const claimName = spec.volumes?.find((v) => v.name === mount?.name)?.persistentVolumeClaim?.claimName;
      const claim = ofKind<PersistentVolumeClaim>('PersistentVolumeClaim').find((c) => c.metadata.name === claimName);
      // Every replica appends to it (each its own file), on whichever node it runs.
      expect(claim?.spec.accessModes).toEqual(['ReadWriteMany']);
      const others = AGENCIES.filter((a) => a !== agency).flatMap((a) =>
        (deployment(a.name).spec.template.spec.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName),
      );
      expect(others).not.toContain(claimName);
      // audit-verify.js --agency, run in the container, checks with the same key against the same anchors.
      const verifying = auditConfigFromEnv(env, envName(agency, ''));
      expect([verifying.keyring.current.id, verifying.anchorFolder]).toEqual([audit.keyring.current.id, audit.anchorFolder]);
    },
  );

  it('gives each key only to its owner: the private halves to the gateway and social care alone', () => {
    const gateway = gatewayConfigFromEnv(processEnv('gateway'));
    expect(gateway.signingJwk.d).toBeDefined();
    expect(Object.keys(processEnv('gateway')).filter((k) => k.startsWith('GRANT_'))).toEqual([]);
    for (const agency of AGENCIES) {
      const env = processEnv(agency.name);
      expect(env.GATEWAY_PRIVATE_JWK_FILE).toBeUndefined();
      const { keys: agencyKeys } = agencyConfigFromEnv(agency, env);
      expect(agencyKeys.gatewayPublicJwk.d).toBeUndefined();
      if (agencyKeys.kind === 'lead') expect(agencyKeys.grantPrivateJwk.d).toBeDefined();
      else expect([agencyKeys.grantPublicJwk.d, env.GRANT_PRIVATE_JWK_FILE]).toEqual([undefined, undefined]);
    }
  });

  describe('network policies', () => {
    const selecting = (labels: Record<string, string>) => policies.filter((np) => matches(np.spec.podSelector, labels));
    const isGateway = (peer: PolicyPeer) =>
      !peer.namespaceSelector &&
      !peer.ipBlock &&
      !!peer.podSelector &&
      matches(peer.podSelector, podLabels('gateway')) &&
      PROCESSES.every((p) => p.name === 'gateway' || !matches(peer.podSelector!, podLabels(p.name)));
    const isMonitoring = (peer: PolicyPeer) =>
      !peer.ipBlock &&
      !peer.podSelector &&
      peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === MONITORING_NAMESPACE &&
      Object.keys(peer.namespaceSelector.matchLabels).length === 1;
    const isDns = (peer: PolicyPeer) =>
      !peer.ipBlock &&
      peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'kube-system' &&
      peer.podSelector?.matchLabels?.['k8s-app'] === 'kube-dns';

    it('deny all ingress in the namespace unless a policy allows it', () => {
      const denyAll = policies.filter(
        (np) => Object.keys(np.spec.podSelector.matchLabels ?? {}).length === 0 && !np.spec.podSelector.matchExpressions,
      );
      expect(denyAll.some((np) => np.spec.policyTypes?.includes('Ingress') && !np.spec.ingress?.length)).toBe(true);
      // ...and nothing opens the whole namespace back up.
      for (const np of denyAll) expect(np.spec.ingress ?? []).toEqual([]);
    });

    it('let clients reach the gateway on its port', () => {
      const rules = selecting(podLabels('gateway')).flatMap((np) => np.spec.ingress ?? []);
      expect(rules.some((r) => r.ports?.some((port) => portNumber(containerOf('gateway'), port.port) === httpPort('gateway')))).toBe(true);
    });

    it.each(AGENCIES)("let only the gateway's pods reach $name's API, and only the monitoring namespace its metrics", ({ name }) => {
      const mine = selecting(podLabels(name));
      expect(mine.some((np) => np.spec.policyTypes?.includes('Ingress'))).toBe(true);
      const rules = mine.flatMap((np) => np.spec.ingress ?? []);
      let api = 0;
      for (const rule of rules) {
        // A rule without `from` admits everyone; without `ports`, every port.
        expect(rule.from?.length).toBeGreaterThan(0);
        expect(rule.ports?.length).toBeGreaterThan(0);
        const ports = (rule.ports ?? []).map((port) => [port.protocol ?? 'TCP', portNumber(containerOf(name), port.port)]);
        if (ports.every(([, port]) => port === metricsPort(name))) {
          for (const peer of rule.from ?? []) expect([name, peer, isMonitoring(peer)]).toEqual([name, peer, true]);
        } else {
          expect(ports).toEqual(ports.map(() => ['TCP', httpPort(name)]));
          for (const peer of rule.from ?? []) expect([name, peer, isGateway(peer)]).toEqual([name, peer, true]);
          api++;
        }
      }
      expect(api).toBeGreaterThan(0);
    });

    it.each(AGENCIES)('let $name reach DNS, PostgreSQL and Redis, and nothing else', ({ name }) => {
      const mine = selecting(podLabels(name));
      expect(mine.some((np) => np.spec.policyTypes?.includes('Egress'))).toBe(true);
      const rules = mine.flatMap((np) => np.spec.egress ?? []);
      const onlyTo = (port: number) =>
        rules.filter((r) => r.ports?.length && r.ports.every((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP'));
      const dns = rules.filter((r) => r.ports?.length && r.ports.every((port) => port.port === 53));
      const [database, redis] = [onlyTo(5432), onlyTo(6379)];
      expect([dns.length, database.length, redis.length].every((n) => n > 0)).toBe(true);
      expect(rules.length).toBe(dns.length + database.length + redis.length);
      for (const rule of dns) {
        expect(rule.to?.length).toBeGreaterThan(0);
        for (const peer of rule.to ?? []) expect(isDns(peer)).toBe(true);
      }
      // Their addresses differ per deployment: an overlay may narrow `to` with an ipBlock, never to pods here.
      for (const rule of [...database, ...redis]) for (const peer of rule.to ?? []) expect(peer.podSelector).toBeUndefined();
    });
  });

  it.each(PROCESSES)('limits what $name may use and do: resources, privileges, filesystem', (p) => {
    const { spec } = deployment(p.name).spec.template;
    const container = spec.containers[0];
    for (const resource of ['cpu', 'memory']) {
      const request = container.resources?.requests?.[resource];
      const limit = container.resources?.limits?.[resource];
      expect([p.name, resource, typeof request, typeof limit]).toEqual([p.name, resource, 'string', 'string']);
      expect(quantity(request!)).toBeLessThanOrEqual(quantity(limit!));
    }
    // A heap allowed to outgrow the memory limit is killed by the kernel rather than collected.
    const heapMiB = Number(/--max-old-space-size=(\d+)/.exec(processEnv(p.name).NODE_OPTIONS ?? '')?.[1]);
    expect(heapMiB * 2 ** 20).toBeLessThan(quantity(container.resources!.limits!.memory));
    expect(spec.securityContext?.runAsNonRoot).toBe(true);
    expect(spec.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(spec.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(container.securityContext?.privileged).not.toBe(true);
    expect(container.securityContext?.capabilities?.drop).toContain('ALL');
    expect(container.securityContext?.capabilities?.add ?? []).toEqual([]);
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.enableServiceLinks).toBe(false);
    // A read-only root: scratch space is an emptyDir at /tmp.
    const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect(spec.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it.each(PROCESSES)('gives $name longer to stop than its preStop pause and its drain of requests in flight', (p) => {
    const { spec } = deployment(p.name).spec.template;
    const { shutdownGraceMs } = configOf(p);
    const preStop = spec.containers[0].lifecycle?.preStop?.exec?.command;
    const pauseMs = preStop ? Number(/^sleep$/.test(preStop[0]) ? preStop[1] : NaN) * 1000 : 0;
    expect(Number.isFinite(pauseMs)).toBe(true);
    // Kubernetes' default is 30 s; it must be said, and be enough.
    expect(spec.terminationGracePeriodSeconds).toBeDefined();
    expect(spec.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(pauseMs + shutdownGraceMs);
  });

  it('keeps a replica of each process up through node drains, where it runs more than one', () => {
    for (const pdb of ofKind<PodDisruptionBudget>('PodDisruptionBudget')) {
      const covered = deployments.filter((d) => matches(pdb.spec.selector, d.spec.template.metadata.labels));
      expect(covered).toHaveLength(1);
      // minAvailable equal to replicas would block every drain.
      expect(pdb.spec.minAvailable ?? 0).toBeLessThan(covered[0].spec.replicas ?? 1);
    }
    if (kustomization === 'production')
      for (const p of PROCESSES) {
        expect((deployment(p.name).spec.replicas ?? 1) >= 2).toBe(true);
        expect(ofKind<PodDisruptionBudget>('PodDisruptionBudget').some((pdb) => matches(pdb.spec.selector, podLabels(p.name)))).toBe(true);
      }
  });

  it('probes and scrapes paths every process serves', async () => {
    const paths = new Set(
      deployments
        .flatMap((d) => [
          d.spec.template.spec.containers[0].readinessProbe,
          d.spec.template.spec.containers[0].livenessProbe,
          d.spec.template.spec.containers[0].startupProbe,
        ])
        .flatMap((probe) => (probe?.httpGet ? [probe.httpGet.path] : [])),
    );
    const server = await serveGraphQL(
      {
        schema: buildSchema('type Query { ok: Boolean }'),
        context: () => Promise.resolve({}),
        logger: createLogger('probe-check', 'silent'),
        readiness: () => Promise.resolve({ ready: true }),
        metrics: { metrics: new ProcessMetrics('probe-check'), port: 0 },
      },
      0,
      '127.0.0.1',
    );
    try {
      for (const path of paths) expect([path, (await fetch(`http://127.0.0.1:${server.port}${path}`)).status]).toEqual([path, 200]);
      const scraped = new Set(deployments.map((d) => d.spec.template.metadata.annotations?.['prometheus.io/path']));
      expect(scraped.size).toBe(1);
      for (const path of scraped)
        expect([path, (await fetch(`http://127.0.0.1:${server.metricsPort}${path}`)).status]).toEqual([path, 200]);
    } finally {
      await server.stop();
    }
  });

  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
  // Where kubectl is installed, its kustomize must read the manifests as this test's resolver does.
  (kubectl ? it : it.skip)('renders as kubectl kustomize does', () => {
    const run = spawnSync('kubectl', ['kustomize', join(KUBERNETES, kustomization)], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const hashed = /^(.*)-[a-z0-9]{10}$/;
    const unhash = (name: string) => (configMaps.some((c) => c.metadata.name === hashed.exec(name)?.[1]) ? hashed.exec(name)![1] : name);
    // kustomize suffixes generated ConfigMaps' names (and references to them) with a content hash.
    const rendered = parseAllDocuments(run.stdout).map(
      (d) =>
        JSON.parse(JSON.stringify(d.toJS()), (key, value: unknown) =>
          key === 'name' && typeof value === 'string' ? unhash(value) : value,
        ) as K8sObject,
    );
    const byId = (list: K8sObject[]) => Object.fromEntries(list.map((o) => [`${o.kind}/${o.metadata.name}`, o]));
    expect(byId(rendered)).toEqual(byId(JSON.parse(JSON.stringify(objects)) as K8sObject[]));
  });
});
