#!/usr/bin/env node
// The `regretlab` command: registers tsx's ESM loader (Node 20 cannot run .ts itself), then starts
// the CLI from its TypeScript source. ESM hooks only: tsx's CommonJS hook would detach an
// ArrayBuffer in this thread (its WebAssembly lexer grows its memory), after which V8 checks every
// typed-array access in the round kernel for detachment (see bench/main.ts).
import { register } from "tsx/esm/api"

register()
await import("../src/cli/main.ts")
