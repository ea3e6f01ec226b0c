using System.Reflection;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Tests.Options;

public sealed class OptionsShapeTests
{
    [Fact]
    public void OptionsTypes_ClaimNoValueAStackFileMayLack()
    {
        var nullability = new NullabilityInfoContext();
        var problems = new List<string>();
        foreach (var type in OptionTypes(typeof(PlatformOptions)).Append(typeof(VsphereConnectionOptions)).Distinct())
        {
            foreach (var property in ConfigSchema.SettableProperties(type))
            {
                var nullable = property.PropertyType.IsValueType
                    ? Nullable.GetUnderlyingType(property.PropertyType) is not null
                    : nullability.Create(property).WriteState == NullabilityState.Nullable;
                if (!nullable || property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute)))
                {
                    problems.Add($"{type.Name}.{property.Name}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.True(typeof(TeamOptions).GetProperty(nameof(TeamOptions.Name))!.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute)));
    }

    private static IEnumerable<Type> OptionTypes(Type type)
    {
        yield return type;
        foreach (var property in ConfigSchema.SettableProperties(type))
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            t = ConfigSchema.ElementType(t) ?? t;
            if (ConfigSchema.Classify(t) == ConfigSchema.ValueKind.Map)
            {
                foreach (var inner in OptionTypes(t))
                {
                    yield return inner;
                }
            }
        }
    }
}
