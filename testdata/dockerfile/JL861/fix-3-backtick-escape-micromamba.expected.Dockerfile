# escape=`
FROM mambaorg/micromamba:1.5.8
RUN micromamba install -y -n base -c conda-forge `
        numpy `
        pandas && `
    micromamba clean --all --yes
USER 1000
