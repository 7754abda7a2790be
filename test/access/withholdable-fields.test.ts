import { isNonNullType, isObjectType } from 'graphql';
import { AGENCIES } from '../../kit/shared/agencies';
import { KIT_RULES } from '../../kit/subgraph/access/policy';
import { loadAgencyService } from '../../kit/subgraph/load-service';

/**
 * A withheld value is null. Every field a rule can withhold (the agency's own rules and the kit's, for
 * the kit's types every agency serves) must therefore be nullable: a withheld non-null field would
 * blank its parent and surface as an internal error instead of a WITHHELD notice.
 */
describe.each(AGENCIES.map((a) => a.name))('fields %s can withhold', (name) => {
  it('are all nullable in its schema', async () => {
    const service = loadAgencyService(name);
    const schema = await service.buildSchema();
    const keys = [...Object.keys(service.policy.fields), ...Object.keys(KIT_RULES)];
    const nonNull = keys.filter((key) => {
      const [typeName, field] = key.split('.');
      const type = schema.getType(typeName);
      if (!type && key in KIT_RULES) return false; // a kit type this agency does not serve
      if (!isObjectType(type)) return true; // a rule for a type that is not there is a mistake too
      const definition = type.getFields()[field];
      return !definition || isNonNullType(definition.type);
    });
    expect(nonNull).toEqual([]);
  });
});
