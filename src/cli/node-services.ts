// The Node services effect/cli needs (file system, path, terminal, stdio, child processes), built
// from @effect/platform-node-shared alone: @effect/platform-node adds an HTTP client (undici 8) and
// with it a Node ≥ 22.19 requirement, for nothing the command line uses.
import { Layer } from "effect"
import * as NodeChildProcessSpawner from "@effect/platform-node-shared/NodeChildProcessSpawner"
import * as NodeFileSystem from "@effect/platform-node-shared/NodeFileSystem"
import * as NodePath from "@effect/platform-node-shared/NodePath"
import * as NodeStdio from "@effect/platform-node-shared/NodeStdio"
import * as NodeTerminal from "@effect/platform-node-shared/NodeTerminal"

export const nodeServicesLayer = Layer.provideMerge(
  NodeChildProcessSpawner.layer,
  Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeStdio.layer, NodeTerminal.layer)
)
