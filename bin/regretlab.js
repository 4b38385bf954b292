#!/usr/bin/env node
// The `regretlab` command: registers tsx's ESM loader (Node 20 cannot run .ts itself), then starts
// the CLI from its TypeScript source.
import { register } from "tsx/esm/api"

register()
await import("../src/cli/main.ts")
