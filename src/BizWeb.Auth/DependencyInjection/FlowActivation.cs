using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Auth;

/// <summary>
/// Activates a flow through its one constructor, which is internal because its collaborators are: each
/// parameter is resolved from the container, required unless it is nullable (an optional seam). This
/// replaces a hand-written factory per flow, so a flow's dependencies are exactly its constructor's.
/// </summary>
internal static class FlowActivation
{
    /// <summary>A factory for <typeparamref name="TFlow"/> for <c>TryAddScoped</c>.</summary>
    public static TFlow Create<TFlow>(IServiceProvider services)
        where TFlow : class
    {
        var parameters = Plan<TFlow>.Parameters;
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var (type, optional) = parameters[i];
            arguments[i] = optional ? services.GetService(type) ?? Plan<TFlow>.Defaults[i] : services.GetRequiredService(type);
        }

        return (TFlow)Plan<TFlow>.Constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
    }

    private static class Plan<TFlow>
    {
        public static readonly ConstructorInfo Constructor = typeof(TFlow).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Single();

        public static readonly (Type Type, bool Optional)[] Parameters = [.. Constructor.GetParameters().Select(p =>
            (p.ParameterType, p.HasDefaultValue || new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable))];

        public static readonly object?[] Defaults = [.. Constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : null)];
    }
}
