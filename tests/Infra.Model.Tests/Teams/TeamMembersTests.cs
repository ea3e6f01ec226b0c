using Infra.Model.Kubeflow;
using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Model.Tests.Teams;

/// <summary>A team's members, bound in its profile as Kubeflow's access management binds the contributors it adds.</summary>
public sealed class TeamMembersTests
{
    [Theory]
    [InlineData("fraud-analyst@example.com", MemberRole.View, "user-fraud-analyst-example-com-clusterrole-view", "kubeflow-view")]
    [InlineData("Jane.Doe_ml@Example.COM", MemberRole.Edit, "user-jane-doe-ml-example-com-clusterrole-edit", "kubeflow-edit")]
    [InlineData("deputy@example.com", MemberRole.Owner, "user-deputy-example-com-clusterrole-admin", "kubeflow-admin")]
    public void Contributor_IsNamedAndBoundAsKfamNamesAndBindsIt(string user, MemberRole role, string name, string clusterRole)
    {
        var member = new KubeflowContributor("fraud-detection", user, role);

        Assert.Equal(name, member.Name);
        Assert.Equal(
            $$$"""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"{{{name}}}","namespace":"fraud-detection","annotations":{"role":"{{{member.RoleName}}}","user":"{{{user}}}"}},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"{{{clusterRole}}}"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"{{{user}}}"}]}""",
            member.RoleBinding().ToJsonString());
        Assert.Equal(
            $$$"""{"rules":[{"from":[{"source":{"principals":["cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account","cluster.local/ns/kubeflow/sa/ml-pipeline-ui"]}}],"when":[{"key":"request.headers[kubeflow-userid]","values":["{{{user}}}"]}]}]}""",
            member.AuthorizationPolicy()["spec"]!.ToJsonString());
    }

    [Fact]
    public void Plan_Prod_BindsEachMemberInTheTeamsNamespaceOnceItsProfileIsThere()
    {
        var plan = TestConfig.StackPlan("prod");

        var bindings = plan.Nodes.Where(n => n.Type == "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding" && n.Name.StartsWith("user-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            [
                "user-fraud-analyst-example-com-clusterrole-view-fraud-detection",
                "user-fraud-deputy-example-com-clusterrole-admin-fraud-detection",
                "user-fraud-engineer-example-com-clusterrole-edit-fraud-detection",
            ],
            bindings.Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.All(bindings, b => Assert.Contains("kubernetes:kubeflow.org/v1:Profile::fraud-detection", b.DependsOn));
        var policy = plan["kubernetes:security.istio.io/v1beta1:AuthorizationPolicy::user-fraud-engineer-example-com-clusterrole-edit-fraud-detection"];
        Assert.Equal(PlanValue.Of("fraud-detection"), ((PlanValue.MapValue)policy.Inputs["metadata"]).Entries["namespace"]);
        Assert.Contains("kubernetes:kustomize/v2:Directory::istio", policy.DependsOn);
    }

    [Fact]
    public void Validate_Members_AreEmailsListedOnceAndNotTheOwner()
    {
        var errors = TestConfig.Errors(("mlops:teams", "\n    - name: fraud\n      owner: lead@example.com\n      members:\n        - user: analyst\n        - user: lead@example.com\n        - user: a@example.com\n        - user: A@example.com\n          role: view\n        - role: edit"));

        Assert.Equal(
            [
                "mlops:teams[0].members[4].user is required but not set: the member's e-mail address, as the platform's sign-in names them. Set it with 'pulumi config set --path \"mlops:teams[0].members[4].user\" <value>'.",
                "mlops:teams[0].members[0].user 'analyst' is not an e-mail address: the platform's sign-in names people by e-mail, and Kubeflow binds a member's role to that name. Set it with 'pulumi config set --path \"mlops:teams[0].members[0].user\" <name@example.com>'.",
                "mlops:teams[0].members[1].user 'lead@example.com' is the team's owner, who administers its profile already. Remove the entry with 'pulumi config rm --path \"mlops:teams[0].members[1]\"'.",
                "mlops:teams[0].members[3].user 'A@example.com' is listed twice in the team's members, and one person has one role. Remove one entry with 'pulumi config rm --path \"mlops:teams[0].members[3]\"'.",
            ],
            errors);
    }
}
