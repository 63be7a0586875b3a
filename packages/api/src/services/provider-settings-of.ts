// The provider settings service of one app: built once from AppServices, shared by its routes.
import type { AppServices } from '../app-services';
import { ProviderSettingsService } from './provider-settings.service';

const built = new WeakMap<AppServices, ProviderSettingsService>();

export function providerSettingsOf(services: AppServices): ProviderSettingsService {
  const existing = built.get(services);
  if (existing) return existing;
  const { deps } = services;
  const service = new ProviderSettingsService({
    store: services.store,
    sessionSecret: deps.auth.sessionSecret,
    logger: services.logger,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...(deps.localProviders === undefined ? {} : { localProviders: deps.localProviders }),
  });
  built.set(services, service);
  return service;
}
