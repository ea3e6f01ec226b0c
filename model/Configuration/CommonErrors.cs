[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Configuration.CommonErrors))]

namespace Infra.Model.Configuration;

/// <summary>The rules of values that settings of several technologies share, and of the stack file's shape and types.</summary>
public static class CommonErrors
{
    /// <summary>A quantity.</summary>
    public static readonly ErrorCode Quantity = new("MLOPS0001", "any quantity (cpu, memory, storage, quotas)", "A quantity follows Kubernetes' quantity grammar, is not negative, and a size is at most 1Pi.");

    /// <summary>A VM size.</summary>
    public static readonly ErrorCode Size = new("MLOPS0002", "mlops:gpu.vms[].memory, .disk, mlops:gpu.vmClass.memory", "A VM's memory or disk is a quantity from 1Gi to 1Pi.");

    /// <summary>A count in range.</summary>
    public static readonly ErrorCode Range = new("MLOPS0003", "mlops:gpu.vms[].count, .gpus, .cpus, mlops:gpu.vmClass.cpus", "A count is within the range its setting states.");

    /// <summary>A CIDR block.</summary>
    public static readonly ErrorCode Cidr = new("MLOPS0004", "mlops:tanzu.podCidr, mlops:tanzu.serviceCidr", "A CIDR block is an IPv4 address with a prefix length, such as 10.96.0.0/12.");

    /// <summary>A name in a list.</summary>
    public static readonly ErrorCode Name = new("MLOPS0005", "mlops:teams[].name, mlops:storage.tiers[].name, mlops:tanzu.nodePools[].name, mlops:gpu.vms[].name", "A listed entry's name is a lowercase DNS label of at most 63 characters.");

    /// <summary>A name listed twice.</summary>
    public static readonly ErrorCode DuplicateName = new("MLOPS0006", "mlops:teams[].name, mlops:storage.tiers[].name, mlops:tanzu.nodePools[].name, mlops:gpu.vms[].name", "Names in a list are unique, compared as vCenter and Kubernetes compare them (letter case and surrounding space aside).");

    /// <summary>A map or list where one value belongs.</summary>
    public static readonly ErrorCode NotSingleValue = new("MLOPS0010", "any single-valued setting", "A setting that takes one value is not given a map or a list.");

    /// <summary>A secret in plain text.</summary>
    public static readonly ErrorCode PlainSecret = new("MLOPS0011", "any secret setting", "A secret setting is stored encrypted (pulumi config set --secret), never in plain text.");

    /// <summary>An encrypted value of a setting that is not secret.</summary>
    public static readonly ErrorCode EncryptedNotSecret = new("MLOPS0012", "any setting that is not secret", "A setting that is not secret is stored in plain text, so that it can be checked and planned offline.");

    /// <summary>A value of the wrong type.</summary>
    public static readonly ErrorCode InvalidValue = new("MLOPS0013", "any typed setting (numbers, booleans, choices)", "A value has its setting's type: a whole number, true or false, or one of the setting's choices, with no surrounding space.");

    /// <summary>A number too large.</summary>
    public static readonly ErrorCode TooLarge = new("MLOPS0014", "any number setting", "A number fits its setting's type.");

    /// <summary>A value where a map belongs.</summary>
    public static readonly ErrorCode NotMap = new("MLOPS0015", "any map setting", "A setting that holds settings is a map of them.");

    /// <summary>An unknown key.</summary>
    public static readonly ErrorCode UnknownKey = new("MLOPS0016", "any key under mlops:", "Every key is one the configuration reference lists; an unknown key would be read by nothing.");

    /// <summary>A key in another letter case.</summary>
    public static readonly ErrorCode KeyCase = new("MLOPS0017", "any key", "A key is spelt in the reference's letter case: Pulumi tells keys apart by case.");

    /// <summary>A required setting not set.</summary>
    public static readonly ErrorCode Required = new("MLOPS0018", "required settings (mlops:environment, mlops:vsphere.datacenter, ...)", "A required setting is set.");

    /// <summary>A value where a list belongs.</summary>
    public static readonly ErrorCode NotList = new("MLOPS0019", "any list setting", "A list setting is a YAML list.");

    /// <summary>A map where a list belongs.</summary>
    public static readonly ErrorCode ListNotMap = new("MLOPS0020", "any list setting", "A list setting's entries are YAML list items ('- ...'), not map keys.");

    /// <summary>A namespace the project does not read.</summary>
    public static readonly ErrorCode UnknownNamespace = new("MLOPS0021", "any top-level key", "A key is in a namespace the project reads: mlops, vsphere, kubernetes, random or pulumi.");

    /// <summary>A list entry that sets nothing.</summary>
    public static readonly ErrorCode EmptyListEntry = new("MLOPS0022", "any list entry", "A list entry sets at least one key.");
}
