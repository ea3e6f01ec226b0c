namespace Infra.Model.Options;

/// <summary>The load balancer of a Supervisor on vSphere networking.</summary>
public enum LoadBalancerType
{
    /// <summary>The HAProxy appliance's data plane API.</summary>
    Haproxy,

    /// <summary>NSX Advanced Load Balancer (Avi) controller.</summary>
    NsxAdvanced,
}
