// Runs the shared benchmark state machines through aws-local-stepfunctions (the peer engine) the same way the .NET
// harness runs our engine: warm-up, a sequential phase (latency) and a concurrent phase (throughput), every
// execution checked against the first one's output. Prints one JSON result per definition (the harness runs one
// definition per process so each gets its own peak RSS).
//
//   node run.mjs --definitions a,b --bench-dir ../../../shared/bench --duration 5 --warmup 2 --concurrency 8
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

// aws-local-stepfunctions 3 targets node >= 22 and calls Promise.withResolvers (node 22+) in Task states.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolvePromise;
    let rejectPromise;
    const promise = new this((res, rej) => {
      resolvePromise = res;
      rejectPromise = rej;
    });
    return { promise, resolve: resolvePromise, reject: rejectPromise };
  };
}

const { StateMachine } = await import('aws-local-stepfunctions');

const ALL = ['a-pass-choice-chain', 'b-parallel-10x3', 'c-map-1000', 'd-intrinsics-chain'];

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { definitions: ALL, benchDir: null, duration: 5, executions: null, warmup: 2, concurrency: 8 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${name} needs a value`));
    const number = (min) => {
      const text = value();
      const n = Number(text);
      if (!Number.isFinite(n) || n < min) fail(`${name} must be a number >= ${min}, got '${text}'`);
      return n;
    };
    switch (name) {
      case '--definitions':
        options.definitions = value().split(',').map((item) => item.trim()).filter(Boolean).map((item) =>
          ALL.find((d) => d === item || d.startsWith(`${item}-`)) ?? fail(`unknown definition '${item}'`));
        break;
      case '--bench-dir': options.benchDir = value(); break;
      case '--duration': options.duration = number(0.001); break;
      case '--executions': options.executions = Math.floor(number(1)); break;
      case '--warmup': options.warmup = number(0); break;
      case '--concurrency': options.concurrency = Math.floor(number(1)); break;
      default: fail(`unknown option '${name}'`);
    }
  }
  return options;
}

function findBenchDir(explicit) {
  if (explicit) return resolve(explicit);
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'Workflow.sln'))) return resolve(dir, '..', 'shared', 'bench');
    if (dirname(dir) === dir) fail('cannot find Workflow.sln above bench/peer; pass --bench-dir');
  }
}

// Every Task state (at any depth: Parallel branches, Map processors) gets a local handler returning its input.
function taskStateNames(states, names = new Set()) {
  for (const [name, state] of Object.entries(states ?? {})) {
    if (state.Type === 'Task') names.add(name);
    for (const branch of state.Branches ?? []) taskStateNames(branch.States, names);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) taskStateNames(processor.States, names);
  }
  return names;
}

function summarize(latencies) {
  if (latencies.length === 0) return { mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(latencies).sort();
  const rank = (p) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { mean: round(mean), p50: rank(0.5), p90: rank(0.9), p99: rank(0.99), max: round(sorted[sorted.length - 1]) };
}

const round = (x) => Math.round(x * 1000) / 1000;

async function measure(execute, concurrency, executions, seconds, minimum = 1) {
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const claim = () => {
    issued += 1;
    return executions != null ? issued <= executions : issued <= minimum || performance.now() < deadline;
  };
  const latencies = [];
  const worker = async () => {
    while (claim()) {
      const begin = performance.now();
      await execute();
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { count: latencies.length, seconds: elapsed, latencies };
}

async function phase(execute, concurrency, options) {
  const cpuBefore = process.cpuUsage();
  const { count, seconds, latencies } = await measure(execute, concurrency, options.executions, options.duration);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    concurrency,
    executions: count,
    seconds: round(seconds),
    executionsPerSecond: Math.round((count / seconds) * 100) / 100,
    latencyMs: summarize(latencies),
    cpuMsPerExecution: Math.round(((cpu.user + cpu.system) / 1000 / count) * 10000) / 10000,
  };
}

async function runDefinition(name, benchDir, options) {
  const definition = JSON.parse(readFileSync(join(benchDir, `${name}.asl.json`), 'utf8'));
  const inputText = readFileSync(join(benchDir, `${name}.input.json`), 'utf8');
  const handlers = Object.fromEntries([...taskStateNames(definition.States)].map((task) => [task, (input) => input]));
  const machine = new StateMachine(definition);
  const runOptions = { overrides: { taskResourceLocalHandlers: handlers } };

  let expected = null;
  const execute = async () => {
    // Parsed per execution, as our engine parses the input text of every StartExecution.
    const result = await machine.run(JSON.parse(inputText), runOptions).result;
    const output = JSON.stringify(result);
    if (expected === null) expected = output;
    else if (output !== expected) throw new Error(`${name}: an execution produced another output than the first one`);
  };

  await execute();
  const warmSequential = await measure(execute, 1, null, options.warmup / 2, 3);
  const warmConcurrent = await measure(execute, options.concurrency, null, options.warmup / 2, options.concurrency);
  const sequential = await phase(execute, 1, options);
  const concurrent = await phase(execute, options.concurrency, options);
  return {
    engine: 'aws-local-stepfunctions',
    definition: name,
    warmupExecutions: 1 + warmSequential.count + warmConcurrent.count,
    sequential,
    concurrent,
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
    output: expected,
  };
}

const options = parseArgs(process.argv.slice(2));
const benchDir = findBenchDir(options.benchDir);
for (const name of options.definitions) {
  const result = await runDefinition(name, benchDir, options);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
