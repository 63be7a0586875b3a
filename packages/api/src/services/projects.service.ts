// Project generation on the server: plan (or restore) a spec, evaluate it against the catalog,
// render it, and store it as a version together with its audit row in one transaction.
import { evaluate, planProject, selectionOfSpec, type PlanHint } from '@agent-generator/core';
import {
  hasErrors,
  UserError,
  type Diagnostic,
  type NewAuditEntry,
  type ProjectId,
  type ProjectRecord,
  type ProjectSpec,
  type ProjectVersionRecord,
  type Selection,
  type Store,
  type UserId,
} from '@agent-generator/contracts';
import type { RenderedProject } from '../app-deps';
import { applySelection } from './apply-selection';
import { planChoicesOf, type SelectionInput } from './plan-choices';
import { restoreSpecOrThrow } from './restore-spec';

export interface ProjectInput {
  readonly idea?: string | undefined;
  readonly spec?: unknown;
  readonly selection?: SelectionInput | undefined;
  readonly name?: string | undefined;
}

export interface VersionInput {
  readonly spec?: unknown;
  readonly selection?: SelectionInput | undefined;
}

interface Prepared {
  readonly spec: ProjectSpec;
  readonly hints: ReadonlyArray<PlanHint>;
  readonly diagnostics: ReadonlyArray<Diagnostic>;
  readonly rendered: RenderedProject;
}

export interface ProjectsServiceOptions {
  readonly store: Store;
  readonly renderProject: (spec: ProjectSpec) => RenderedProject;
}

export class ProjectsService {
  constructor(private readonly options: ProjectsServiceOptions) {}

  async getProject(id: ProjectId): Promise<ProjectRecord> {
    const project = await this.options.store.projects.get(id);
    if (!project) throw new UserError('not_found', `There is no project ${id}.`, { entity: 'project', id });
    return project;
  }

  async getVersion(project: ProjectRecord, version: number | undefined): Promise<ProjectVersionRecord> {
    const number = version ?? project.latestVersion;
    const record = await this.options.store.projects.getVersion({ projectId: project.id, version: number });
    if (!record) throw new UserError('not_found', `Project ${project.id} has no version ${number}; it has versions 1 to ${project.latestVersion}.`, { entity: 'project-version', id: project.id, version: number });
    return record;
  }

  /** Evaluates and renders a spec; refuses with every diagnostic when the selection has errors. */
  private finish(spec: ProjectSpec, hints: ReadonlyArray<PlanHint>, exportTarget: Selection['exportTarget']): Prepared {
    const diagnostics = evaluate({ ...selectionOfSpec(spec), ...(exportTarget ? { exportTarget } : {}) });
    if (hasErrors(diagnostics)) {
      const first = diagnostics.find((diagnostic) => diagnostic.severity === 'err');
      throw new UserError('incompatible_selection', `This combination cannot be generated: ${first?.message ?? 'see the diagnostics'}`, { diagnostics });
    }
    return { spec, hints, diagnostics, rendered: this.options.renderProject(spec) };
  }

  private prepareNew(input: ProjectInput): Prepared {
    if ((input.idea === undefined) === (input.spec === undefined)) {
      throw new UserError('invalid_input', 'Send either an idea to plan from or a spec to generate, not both or neither.', { fields: ['idea', 'spec'] });
    }
    if (input.idea !== undefined) {
      const { spec, hints } = planProject(input.idea, planChoicesOf(input.selection, input.name));
      return this.finish(spec, hints, input.selection?.exportTarget);
    }
    const restored = restoreSpecOrThrow(input.spec);
    const named = input.name === undefined ? restored : restoreSpecOrThrow({ ...restored, name: input.name });
    return this.finish(input.selection ? applySelection(named, input.selection) : named, [], input.selection?.exportTarget);
  }

  async create(options: { readonly input: ProjectInput; readonly ownerId: UserId; readonly audit: (project: ProjectRecord) => NewAuditEntry }) {
    const prepared = this.prepareNew(options.input);
    const { spec, rendered, diagnostics } = prepared;
    const created = await this.options.store.transaction(async (tx) => {
      const result = await tx.projects.create({
        ownerId: options.ownerId,
        name: spec.name,
        slug: spec.slug,
        idea: spec.idea,
        version: { spec, rendererVersion: rendered.rendererVersion, diagnostics, files: rendered.files, createdBy: options.ownerId },
      });
      await tx.audit.append(options.audit(result.project));
      return result;
    });
    return { ...created, hints: prepared.hints };
  }

  async addVersion(options: { readonly projectId: ProjectId; readonly input: VersionInput; readonly authorId: UserId; readonly audit: (version: ProjectVersionRecord) => NewAuditEntry }) {
    if (options.input.spec === undefined && options.input.selection === undefined) {
      throw new UserError('invalid_input', 'Send an edited spec, a new selection, or both.', { fields: ['spec', 'selection'] });
    }
    const project = await this.getProject(options.projectId);
    const base = options.input.spec === undefined ? (await this.getVersion(project, undefined)).spec : restoreSpecOrThrow(options.input.spec);
    const spec = options.input.selection ? applySelection(base, options.input.selection) : base;
    const { rendered, diagnostics } = this.finish(spec, [], options.input.selection?.exportTarget);
    return this.options.store.transaction(async (tx) => {
      const version = await tx.projects.addVersion(project.id, { spec, rendererVersion: rendered.rendererVersion, diagnostics, files: rendered.files, createdBy: options.authorId });
      await tx.audit.append(options.audit(version));
      return version;
    });
  }
}
